using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The score R and strength S of one dyad at each sample day of a series, and R's certainty parts (model.md rule 9),
/// which add up to R.
/// </summary>
public sealed record DyadSeries(Dyad Dyad, IReadOnlyList<double> Scores, IReadOnlyList<double> Strengths, CertaintyParts Parts);

/// <summary>A replay's result: every dyad's series over the same sample days.</summary>
public sealed record SeriesResult(Scenario Scenario, SampleStep Step, IReadOnlyList<DateOnly> Dates, IReadOnlyList<DyadSeries> Dyads);
