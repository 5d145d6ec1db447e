using System.Globalization;
using Relations.Model.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Relations.Import;

/// <summary>
/// Writes a scenario as YAML through YamlDotNet's emitter: every free text (titles, names, notes, addresses) is a
/// double-quoted scalar, so newlines, quotes, <c>#</c>, <c>: </c> and markup come back exactly as they went in and
/// never become structure; ids, dates, numbers and keywords are plain, as a hand-written file has them.
/// </summary>
public static class ScenarioYamlWriter
{
    public static string Write(Scenario scenario)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // A StringWriter reports UTF-16, so the emitter writes Vietnamese and Chinese letters as they are, not as escapes.
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, newLine: "\n"));
        var w = new Writer(emitter);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        w.Open();
        w.Plain("id", scenario.Id);
        w.Quoted("title", scenario.Title);
        w.Quoted("description", scenario.Description);
        w.Key("period");
        w.Open(flow: true);
        w.Plain("from", Day(scenario.Period.From));
        w.Plain("to", Day(scenario.Period.To));
        w.Close();
        w.List("sources", scenario.Sources, source =>
        {
            w.Plain("id", source.Id);
            w.Quoted("title", source.Title);
            w.Quoted("publisher", source.Publisher);
            if (source.Published is { } published)
                w.Plain("published", Day(published));
            w.Quoted("url", source.Url);
        });
        w.List("actors", scenario.Actors, actor =>
        {
            w.Plain("id", actor.Id);
            w.Plain("kind", actor.Kind);
            w.Plain("country", actor.Country);
            w.Plain("parent", actor.Parent);
            w.Quoted("name", actor.Name);
            if (actor.Names.Count > 0)
            {
                w.Key("names");
                w.Open(flow: true);
                foreach (var (language, name) in actor.Names)
                    w.Quoted(language, name);
                w.Close();
            }
        });
        w.List("events", scenario.Events, ev => WriteEvent(w, ev));
        w.Close();
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteEvent(Writer w, ScenarioEvent ev)
    {
        w.Plain("id", ev.Id);
        w.Key("date");
        if (ev.Date.IsRange)
        {
            w.Open(flow: true);
            w.Plain("from", Day(ev.Date.From));
            w.Plain("to", Day(ev.Date.To));
            w.Close();
        }
        else
        {
            w.Scalar(Day(ev.Date.From));
        }
        if (ev.Count is { } count)
            w.Plain("count", count.ToString(CultureInfo.InvariantCulture));
        w.Plain("kind", ev.Kind);
        w.Key("between");
        w.Sequence(() =>
        {
            if (ev.SideA.Count == 1 && ev.SideB.Count == 1)
            {
                w.Id(ev.SideA[0]);
                w.Id(ev.SideB[0]);
                return;
            }
            w.Sequence(() => { foreach (var a in ev.SideA) w.Id(a); });
            w.Sequence(() => { foreach (var b in ev.SideB) w.Id(b); });
        });
        if (ev.Mode == EventMode.Online)
            w.Plain("mode", "online");
        if (ev.Weight is { } weight)
            w.Plain("weight", weight.ToString("R", CultureInfo.InvariantCulture));
        if (ev.Term is { } term)
        {
            w.Key("term");
            w.Open(flow: true);
            if (term.Until is { } until)
                w.Plain("until", Day(until));
            else
                w.Plain("years", term.Years!.Value.ToString(CultureInfo.InvariantCulture));
            w.Close();
        }
        if (ev.Certainty != Certainty.Reported)
            w.Plain("certainty", ev.Certainty.ToString().ToLowerInvariant());
        if (ev.Sources.Count == 1)
        {
            w.Plain("source", ev.Source);
        }
        else
        {
            w.Key("source");
            w.Sequence(() => { foreach (var source in ev.Sources) w.Id(source); });
        }
        w.Quoted("title", ev.Title);
        w.Quoted("note", ev.Note);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Small steps over the emitter, so the document above reads like the YAML it writes.</summary>
    private sealed class Writer(IEmitter emitter)
    {
        public void Open(bool flow = false) =>
            emitter.Emit(new MappingStart(null, null, true, flow ? MappingStyle.Flow : MappingStyle.Block));

        public void Close() => emitter.Emit(new MappingEnd());

        public void Key(string key) => Scalar(key);

        public void Scalar(string value) => emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));

        /// <summary>An id plain, as hand-written files have them, except one the reader would take for an empty value.</summary>
        public void Id(string value) =>
            emitter.Emit(new Scalar(null, null, value, value is "null" ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain, true, true));

        public void Plain(string key, string? value)
        {
            if (value is null)
                return;
            Key(key);
            Id(value);
        }

        public void Quoted(string key, string? value)
        {
            if (value is null)
                return;
            Key(key);
            emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, false, true));
        }

        public void Sequence(Action items)
        {
            emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
            items();
            emitter.Emit(new SequenceEnd());
        }

        public void List<T>(string key, IReadOnlyList<T> items, Action<T> write)
        {
            if (items.Count == 0)
                return;
            Key(key);
            emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
            foreach (var item in items)
            {
                Open();
                write(item);
                Close();
            }
            emitter.Emit(new SequenceEnd());
        }
    }
}
