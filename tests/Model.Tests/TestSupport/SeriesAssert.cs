using Relations.Model.Evaluation;

namespace Relations.Model.Tests.TestSupport;

/// <summary>Two results equal to the bit: the same days, the same dyads in the same order, the same scores and strengths.</summary>
internal static class SeriesAssert
{
    public static void Same(SeriesResult expected, SeriesResult actual)
    {
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(expected.Dyads.Select(d => d.Dyad), actual.Dyads.Select(d => d.Dyad));
        for (var i = 0; i < expected.Dyads.Count; i++)
        {
            Assert.Equal(expected.Dyads[i].Scores, actual.Dyads[i].Scores);
            Assert.Equal(expected.Dyads[i].Strengths, actual.Dyads[i].Strengths);
        }
    }
}
