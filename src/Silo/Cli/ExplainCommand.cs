using System.CommandLine;
using System.Globalization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary><c>relations explain FILE --between A B --date D</c>: which events make up a value (model.md rule 7).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario or variant file." };
        var between = new Option<string[]>("--between")
        {
            Description = "The two actors of the dyad.",
            Required = true,
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var date = new Option<string>("--date") { Description = "The day to explain, YYYY-MM-DD.", Required = true };
        var seed = CommonOptions.Seed();
        var certainty = CommonOptions.Certainty();
        var command = new Command("explain", "List the events that make up a dyad's score on a day, with their sources.") { file, between, date, seed, certainty };
        command.SetAction(parse =>
        {
            var scenario = new ScenarioLoader().Load(parse.GetValue(file)!).KeepingCertainty(CommonOptions.CertaintyOf(parse.GetValue(certainty)!));
            var actors = parse.GetValue(between)!;
            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new BadInputException($"--date '{parse.GetValue(date)}' is not a date YYYY-MM-DD");
            var timeline = ScenarioTimeline.Build(scenario, parse.GetValue(seed));
            var dyad = new Dyad(actors[0], actors[1]);
            if (!timeline.Dyads.ContainsKey(dyad))
                throw new BadInputException($"the scenario has no dyad {actors[0]}–{actors[1]}; dyads: {string.Join(", ", timeline.Dyads.Keys.Take(20))}");
            var explanation = Explanation.Of(timeline, dyad, day);
            var inv = CultureInfo.InvariantCulture;
            console.Out.WriteLine($"{dyad.A} – {dyad.B} on {day:yyyy-MM-dd}: score {explanation.Score.ToString("0.######", inv)}, strength {explanation.Strength.ToString("0.##", inv)}");
            foreach (var line in explanation.Lines)
            {
                var kind = line.Kind switch
                {
                    ContributionKind.Impulse => "impulse",
                    ContributionKind.Standing => "standing tie",
                    ContributionKind.SpillDown => $"spill down from {line.From}",
                    _ => $"spill up from {line.From}",
                };
                var times = line.Occurrences > 1 ? $" ×{line.Occurrences}" : "";
                if (line.IsPartlyCancelled)
                    kind += $", applied × {line.Factor.ToString("0.######", inv)}: partly cancelled by an interruption";
                if (line.Level != Certainty.Reported)
                    kind += $", {CertaintyWords.Name(line.Level)}";
                console.Out.WriteLine($"  {line.Value.ToString("+0.######;-0.######;0", inv),12}  {line.EventId}{times}: {line.Title} ({kind}) — source: {line.SourceTitle}");
            }
            console.Out.WriteLine($"  {explanation.Lines.Sum(l => l.Value).ToString("+0.######;-0.######;0", inv),12}  total");
            // Model.md rule 9: the part of R resting on each level of certainty; the three add up to the score.
            var parts = explanation.Parts;
            foreach (var (level, value) in (ReadOnlySpan<(Certainty, double)>)[(Certainty.Reported, parts.Reported), (Certainty.Inferred, parts.Inferred), (Certainty.Assumed, parts.Assumed)])
            {
                var share = explanation.Score == 0.0 ? "" : $" ({(value / explanation.Score).ToString("0.#%", inv)} of the score)";
                console.Out.WriteLine($"  {value.ToString("+0.######;-0.######;0", inv),12}  {CertaintyWords.Name(level)}{share}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
