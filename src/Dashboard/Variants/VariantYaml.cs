using System.Globalization;
using System.Text;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Variants;

/// <summary>
/// Writes a what-if as a variant file (scenario-format.md, "Variants"), the text that is replayed, exported and
/// accepted by <c>relations replay</c> when the file sits in the scenarios folder (its base is relative to that folder).
/// </summary>
public static class VariantYaml
{
    public static string Write(VariantSpec spec)
    {
        var yaml = new StringBuilder();
        yaml.Append("# A what-if saved from the Relations dashboard. 'base' is relative to the scenarios folder:\n");
        yaml.Append("# keep this file there (or change 'base') and run: relations replay ").Append(spec.Id).Append(".yaml --out DIR\n");
        yaml.Append("variant: ").Append(spec.Id).Append('\n');
        yaml.Append("title: ").Append(Quote(spec.Title)).Append('\n');
        if (!string.IsNullOrWhiteSpace(spec.Description))
            yaml.Append("description: ").Append(Quote(spec.Description)).Append('\n');
        yaml.Append("base: ").Append(Quote(spec.BasePath)).Append('\n');
        if (spec.Remove.Length == 0 && spec.Moves.Length == 0 && spec.Added.Length == 0 && spec.AddedInterruptions.Length == 0 && spec.Model.Length == 0)
            return yaml.ToString();

        yaml.Append("changes:\n");
        if (spec.Remove.Length > 0)
            yaml.Append("  remove: [").AppendJoin(", ", spec.Remove).Append("]\n");
        if (spec.Moves.Length > 0)
        {
            yaml.Append("  move:\n");
            foreach (var move in spec.Moves)
            {
                yaml.Append("    - { id: ").Append(move.Id);
                if (!move.IsEvent)
                    yaml.Append(", from: ").Append(Date(move.From)).Append(", to: ").Append(Date(move.To));
                else if (move.IsRange)
                    yaml.Append(", date: { from: ").Append(Date(move.From)).Append(", to: ").Append(Date(move.To)).Append(" }");
                else
                    yaml.Append(", date: ").Append(Date(move.From));
                yaml.Append(" }\n");
            }
        }
        if (spec.Added.Length > 0 || spec.AddedInterruptions.Length > 0)
            yaml.Append("  add:\n");
        if (spec.Added.Length > 0)
        {
            yaml.Append("    events:\n");
            foreach (var added in spec.Added)
                AppendEvent(yaml, added);
        }
        if (spec.AddedInterruptions.Length > 0)
        {
            yaml.Append("    interruptions:\n");
            foreach (var added in spec.AddedInterruptions)
                AppendInterruption(yaml, added);
        }
        if (spec.Model.Length > 0)
        {
            yaml.Append("  model:\n");
            foreach (var setting in spec.Model.Where(s => !s.Key.StartsWith(ModelForm.WeightPrefix, StringComparison.Ordinal)))
                yaml.Append("    ").Append(setting.Key).Append(": ").Append(Number(setting.Value)).Append('\n');
            var weights = spec.Model.Where(s => s.Key.StartsWith(ModelForm.WeightPrefix, StringComparison.Ordinal)).ToList();
            if (weights.Count > 0)
            {
                yaml.Append("    weights:\n");
                foreach (var weight in weights)
                    yaml.Append("      ").Append(weight.Key[ModelForm.WeightPrefix.Length..]).Append(": ").Append(Number(weight.Value)).Append('\n');
            }
        }
        return yaml.ToString();
    }

    /// <summary>One added event as a flow mapping, with only the fields the trainer set.</summary>
    private static void AppendEvent(StringBuilder yaml, AddedEvent added)
    {
        yaml.Append("      - { id: ").Append(added.Id);
        if (added.To is { } to)
            yaml.Append(", date: { from: ").Append(Date(added.From)).Append(", to: ").Append(Date(to)).Append(" }");
        else
            yaml.Append(", date: ").Append(Date(added.From));
        if (added.Count is { } count)
            yaml.Append(", count: ").Append(count.ToString(CultureInfo.InvariantCulture));
        yaml.Append(", kind: ").Append(added.Kind).Append(", between: [").Append(added.ActorA).Append(", ").Append(added.ActorB).Append(']');
        if (added.Online)
            yaml.Append(", mode: online");
        if (added.Weight is { } weight)
            yaml.Append(", weight: ").Append(Number(weight));
        if (added.TermUntil is { } until)
            yaml.Append(", term: { until: ").Append(Date(until)).Append(" }");
        else if (added.TermYears is { } years)
            yaml.Append(", term: { years: ").Append(years.ToString(CultureInfo.InvariantCulture)).Append(" }");
        Optional(yaml, added.Certainty, added.Source, added.Title, added.Note);
        yaml.Append(" }\n");
    }

    /// <summary>One added interruption as a flow mapping, with only the fields the trainer set.</summary>
    private static void AppendInterruption(StringBuilder yaml, AddedInterruption added)
    {
        yaml.Append("      - { id: ").Append(added.Id).Append(", from: ").Append(Date(added.From)).Append(", to: ").Append(Date(added.To));
        if (added.Countries is { Length: > 0 } countries)
            yaml.Append(", scope: { countries: [").AppendJoin(", ", countries).Append("] }");
        else if (added.Actors is { Length: > 0 } actors)
            yaml.Append(", scope: { actors: [").AppendJoin(", ", actors).Append("] }");
        else
            yaml.Append(", scope: all");
        if (added.Cancels is { } cancels)
            yaml.Append(", cancels: ").Append(Number(cancels));
        if (added.DecayMultiplier is { } multiplier)
            yaml.Append(", decayMultiplier: ").Append(Number(multiplier));
        Optional(yaml, added.Certainty, added.Source, added.Title, added.Note);
        yaml.Append(" }\n");
    }

    /// <summary>The provenance fields events and interruptions share.</summary>
    private static void Optional(StringBuilder yaml, string? certainty, string? source, string? title, string? note)
    {
        if (certainty is not null)
            yaml.Append(", certainty: ").Append(certainty);
        if (source is not null)
            yaml.Append(", source: ").Append(source);
        if (title is not null)
            yaml.Append(", title: ").Append(Quote(title));
        if (note is not null)
            yaml.Append(", note: ").Append(Quote(note));
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped, so any title stays one value.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
