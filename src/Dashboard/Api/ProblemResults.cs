using System.Globalization;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Api;

/// <summary>Problem-details answers of the JSON API (RFC 9457), with an <c>errors</c> list that gives line and column.</summary>
public static class ProblemResults
{
    /// <summary>400: the scenario or variant breaks rules; every problem, in file order.</summary>
    public static IResult InvalidScenario(IReadOnlyList<Problem> problems) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: problems.Count == 1 ? "The scenario has a problem" : string.Create(CultureInfo.InvariantCulture, $"The scenario has {problems.Count} problems"),
            detail: string.Join("\n", problems.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = problems.Select(p => new ProblemLine(p.At.File, p.At.Line, p.At.Column, p.Message)).ToArray(),
            });

    public static IResult BadRequest(string title, string detail, int line = 1, int column = 1) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new ProblemLine("(request)", line, column, detail) } });

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult NotReady(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The run has no results", detail: detail);

    /// <summary>413 as a plain sentence: the client sent too much to be worth a JSON answer.</summary>
    public static IResult TooLarge(int limit) =>
        Results.Text(string.Create(CultureInfo.InvariantCulture,
            $"The upload is larger than {limit / 1024.0 / 1024.0:0.##} MiB ({limit:N0} bytes), the most a scenario or variant may be here.\n"),
            "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>One entry of a problem's <c>errors</c>: where (file as named, 1-based line and column) and what.</summary>
public sealed record ProblemLine(string File, int Line, int Column, string Message);
