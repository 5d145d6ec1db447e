using System.Text.Encodings.Web;
using System.Text.Json;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Output;

/// <summary>
/// Writes <c>series.json</c>: the scenario's identity, actors, events and interruptions (what a plot marks), and
/// each dyad's samples with score, its certainty parts (model.md rule 9) and strength at full precision.
/// </summary>
public static class SeriesJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Default,
    };

    public static void Write(SeriesResult result, Stream stream, string? runId = null, string engine = "reference")
    {
        using var json = new Utf8JsonWriter(stream, Options);
        var scenario = result.Scenario;
        json.WriteStartObject();
        if (runId is not null)
            json.WriteString("run", runId);
        json.WriteString("engine", engine);
        json.WriteString("step", Sampling.Name(result.Step));
        json.WriteStartObject("scenario");
        json.WriteString("id", scenario.Id);
        json.WriteString("title", scenario.Title);
        if (scenario.Description is not null)
            json.WriteString("description", scenario.Description);
        if (scenario.BaseId is not null)
            json.WriteString("base", scenario.BaseId);
        json.WriteString("from", SeriesCsv.Format(scenario.Period.From));
        json.WriteString("to", SeriesCsv.Format(scenario.Period.To));
        json.WriteString("certainty", CertaintyWords.Name(scenario.KeptCertainty));
        json.WriteEndObject();

        json.WriteStartArray("actors");
        var tree = new ActorTree(scenario.Actors);
        foreach (var actor in scenario.Actors)
        {
            json.WriteStartObject();
            json.WriteString("id", actor.Id);
            json.WriteString("name", actor.DisplayName);
            json.WriteString("kind", actor.Kind);
            json.WriteString("country", tree.CountryOf(actor.Id));
            if (actor.Parent is not null)
                json.WriteString("parent", actor.Parent);
            foreach (var (language, name) in actor.Names)
                json.WriteString("name_" + language, name);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("interruptions");
        foreach (var interruption in scenario.Interruptions)
        {
            json.WriteStartObject();
            json.WriteString("id", interruption.Id);
            json.WriteString("title", interruption.Title ?? interruption.Id);
            json.WriteString("from", SeriesCsv.Format(interruption.From));
            json.WriteString("to", SeriesCsv.Format(interruption.To));
            json.WriteNumber("cancels", interruption.Cancels);
            json.WriteNumber("decayMultiplier", interruption.DecayMultiplier ?? scenario.Model.InterruptionDecayMultiplier);
            json.WriteString("certainty", CertaintyWords.Name(interruption.Certainty ?? Certainty.Reported));
            WriteSources(json, interruption.Sources);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("events");
        foreach (var ev in scenario.Events)
        {
            json.WriteStartObject();
            json.WriteString("id", ev.Id);
            json.WriteString("title", ev.ShortTitle);
            json.WriteString("kind", ev.Kind);
            json.WriteString("from", SeriesCsv.Format(ev.Date.From));
            json.WriteString("to", SeriesCsv.Format(ev.Date.To));
            json.WriteNumber("count", ev.Count ?? 1);
            json.WriteString("mode", ev.Mode == EventMode.Online ? "online" : "in-person");
            json.WriteString("certainty", CertaintyWords.Name(ev.Certainty));
            if (ev.TermCertainty is { } termCertainty)
                json.WriteString("termCertainty", CertaintyWords.Name(termCertainty));
            if (ev.DateCertainty is { } dateCertainty)
                json.WriteString("dateCertainty", CertaintyWords.Name(dateCertainty));
            WriteSources(json, ev.Sources);
            json.WriteStartArray("dyads");
            foreach (var dyad in DyadSet.DyadsOf(ev))
            {
                json.WriteStartArray();
                json.WriteStringValue(dyad.A);
                json.WriteStringValue(dyad.B);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("dyads");
        foreach (var series in result.Dyads.OrderBy(s => s.Dyad))
        {
            json.WriteStartObject();
            json.WriteString("actor_a", series.Dyad.A);
            json.WriteString("actor_b", series.Dyad.B);
            json.WriteStartArray("samples");
            for (var i = 0; i < result.Dates.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("date", SeriesCsv.Format(result.Dates[i]));
                json.WriteNumber("score", series.Scores[i]);
                json.WriteNumber("score_reported", series.Parts.Reported[i]);
                json.WriteNumber("score_inferred", series.Parts.Inferred[i]);
                json.WriteNumber("score_assumed", series.Parts.Assumed[i]);
                json.WriteNumber("strength", series.Strengths[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Write(SeriesResult result, string path, string? runId = null, string engine = "reference")
    {
        using var stream = File.Create(path);
        Write(result, stream, runId, engine);
    }

    /// <summary><c>source</c> (the first, as version 1 wrote it) and <c>sources</c> (all of them, format 1.1).</summary>
    private static void WriteSources(Utf8JsonWriter json, ValueList<string> sources)
    {
        if (sources.Count > 0)
            json.WriteString("source", sources[0]);
        json.WriteStartArray("sources");
        foreach (var id in sources)
            json.WriteStringValue(id);
        json.WriteEndArray();
    }
}
