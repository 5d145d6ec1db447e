using Relations.Model.Scenarios;

namespace Relations.Model.Tests.TestSupport;

/// <summary>
/// model.md 1.1 written out a second time, as plainly as the text reads and sharing no code with the engines:
/// the certainty filter, the dyad set, day-by-day effective elapsed days, the largest multiplier and cancelled share
/// per day, spills and standing ties, and the certainty parts of rule 9 (1.2: an impulse and its spills in its event's
/// part, a standing tie in its term's). The property tests hold the reference evaluator to it.
/// </summary>
internal static class NaiveModel
{
    /// <summary>R of every dyad at every day of <paramref name="days"/>, keyed by the dyad's ordinal pair.</summary>
    public static Dictionary<(string A, string B), double[]> Scores(Scenario scenario, Certainty lowest, IReadOnlyList<DateOnly> days) =>
        Parts(scenario, lowest, days).ToDictionary(p => p.Key, p => p.Value[0].Zip(p.Value[1], p.Value[2]).Select(x => x.First + x.Second + x.Third).ToArray());

    /// <summary>R's parts (reported, inferred, assumed: index = certainty) of every dyad at every day of <paramref name="days"/>.</summary>
    public static Dictionary<(string A, string B), double[][]> Parts(Scenario scenario, Certainty lowest, IReadOnlyList<DateOnly> days)
    {
        var m = scenario.Model;
        var events = scenario.Events.Where(e => (int)e.Certainty <= (int)lowest).ToList();
        var interruptions = scenario.Interruptions.Where(i => (int)(i.Certainty ?? Certainty.Reported) <= (int)lowest).ToList();
        var actors = scenario.Actors.ToDictionary(a => a.Id);
        string? Parent(string id) => actors[id].Parent;
        string? Country(string id) => actors[id].Country ?? (Parent(id) is { } p ? Country(p) : null);
        IEnumerable<string> Line(string id) { for (string? x = id; x is not null; x = Parent(x)) yield return x; }
        static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        (string, string)? ParentPair((string A, string B) d) =>
            Parent(d.A) is { } pa && Parent(d.B) is { } pb && pa != pb ? Key(pa, pb) : null;

        var set = new HashSet<(string, string)>(scenario.Relationships.Select(r => Key(r.A, r.B)));
        foreach (var ev in events)
        {
            foreach (var a in ev.SideA)
            {
                foreach (var b in ev.SideB)
                {
                    set.Add(Key(a, b));
                    if (ParentPair(Key(a, b)) is { } p)
                        set.Add(p);
                }
            }
        }

        bool Applies(Interruption i, (string A, string B) d) =>
            i.Scope.All
            || new[] { d.A, d.B }.Any(x => Country(x) is { } c && i.Scope.Countries.Contains(c))
            || new[] { d.A, d.B }.Any(x => Line(x).Any(i.Scope.Actors.Contains));
        List<Interruption> Covering((string, string) d, DateOnly x) =>
            interruptions.Where(i => Applies(i, d) && i.From <= x && x <= i.To).ToList();

        var impulses = set.ToDictionary(d => d, _ => new List<(DateOnly Day, double Amount, Certainty Level)>());
        var ties = set.ToDictionary(d => d, _ => new List<(DateOnly Start, DateOnly? Until, double Value, Certainty Level)>());
        foreach (var ev in events)
        {
            var n = ev.Count ?? 1;
            var span = ev.Date.To.DayNumber - ev.Date.From.DayNumber;
            for (var i = 0; i < n; i++)
            {
                var day = ev.Date.From.AddDays((int)Math.Floor((i + 0.5) * span / n));
                foreach (var a in ev.SideA)
                {
                    foreach (var b in ev.SideB)
                    {
                        var d = Key(a, b);
                        var covering = Covering(d, day);
                        var c = ev.Mode == EventMode.InPerson && covering.Count > 0 ? covering.Max(x => x.Cancels) : 0.0;
                        var f = 1 - c;
                        var w = (ev.Weight ?? m.WeightOf(ev.Kind)) * (ev.Mode == EventMode.Online ? m.OnlineFactor : 1);
                        impulses[d].Add((day, w * f, ev.Certainty));
                        foreach (var other in set.Where(o =>
                            (Parent(o.Item1) == d.Item1 && Parent(o.Item2) == d.Item2) || (Parent(o.Item1) == d.Item2 && Parent(o.Item2) == d.Item1)))
                            impulses[other].Add((day, m.SpillDown * w * f, ev.Certainty));
                        if (ParentPair(d) is { } up)
                            impulses[up].Add((day, m.SpillUp * w * f, ev.Certainty));
                        // Rule 8 with format 1.2's termCertainty: a kept event keeps its tie only if the term is as sure as the level.
                        var tieLevel = ev.TermCertainty ?? ev.Certainty;
                        var tieKept = (int)tieLevel <= (int)lowest;
                        if (tieKept && ev.Kind == "agreement")
                            ties[d].Add((day, ev.Term?.Until ?? day.AddYears(ev.Term?.Years ?? m.AgreementTermYears), m.AgreementStanding * f, tieLevel));
                        else if (tieKept && ev.Kind == "twinning")
                            ties[d].Add((day, ev.Term?.Until ?? (ev.Term?.Years is { } y ? day.AddYears(y) : null), m.TwinningStanding * f, tieLevel));
                    }
                }
            }
        }

        // E(t0, t) = cumulative[t] − cumulative[t0], cumulative summing each day's rate: 1, or m_x on interrupted days.
        var first = new[] { scenario.Period.From }.Concat(events.Select(e => e.Date.From)).Concat(days).Min();
        var last = new[] { scenario.Period.To }.Concat(events.Select(e => e.Date.To)).Concat(days).Max();
        var result = new Dictionary<(string, string), double[][]>();
        foreach (var d in set)
        {
            var cumulative = new double[last.DayNumber - first.DayNumber + 2];
            for (var x = first; x <= last; x = x.AddDays(1))
            {
                var covering = Covering(d, x);
                var rate = covering.Count == 0 ? 1 : covering.Max(i => i.DecayMultiplier ?? m.InterruptionDecayMultiplier);
                cumulative[x.DayNumber - first.DayNumber + 1] = cumulative[x.DayNumber - first.DayNumber] + rate;
            }
            double E(DateOnly t0, DateOnly t) => cumulative[t.DayNumber - first.DayNumber] - cumulative[t0.DayNumber - first.DayNumber];
            result[d] = [.. ((Certainty[])[Certainty.Reported, Certainty.Inferred, Certainty.Assumed]).Select(level => days.Select(t =>
                impulses[d].Where(k => k.Level == level && k.Day <= t).Sum(k => k.Amount * Math.Pow(2, -E(k.Day, t) / m.HalfLifeDays))
                + ties[d].Where(j => j.Level == level && j.Start <= t && (j.Until is null || t < j.Until)).Sum(j => j.Value)).ToArray())];
        }
        return result;
    }
}
