using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// A class of 20 on a stateless web tier: two dashboard processes in front of one cluster of two silos on Azure Table
/// storage (Azurite). The trainer opens a session on one dashboard; each student joins on one, saves a variant on the
/// other and runs it (so each one's join cookie is read by a dashboard that did not make it: the key ring is the
/// cluster's). The class board, followed live (the session's grain pushes to the board's event stream), ends with 20
/// curves, each equal to the reference replay of that student's variant.
/// </summary>
public sealed class ClassOfTwentyTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Students = 20;
    private const string Base = "lao-cai-hekou-youth";

    private readonly string clusterId = $"class-{Guid.NewGuid():N}"[..16];
    private readonly List<ProgramProcess> processes = [];
    private LocalAzurite azurite = null!;

    public async Task InitializeAsync() => azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
            log.WriteLine($"process {process.Id} said:\n{string.Join('\n', process.Output().Split('\n').TakeLast(20))}");
        }
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Twenty_students_over_two_dashboards_each_curve_on_the_board_equals_its_variants_replay()
    {
        processes.Add(await ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId));
        processes.Add(await ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId));
        // One after the other: the first makes the cluster's key ring, the second reads it.
        var first = await ProgramProcess.StartClientDashboardAsync(azurite.ConnectionString, clusterId);
        processes.Add(first);
        var second = await ProgramProcess.StartClientDashboardAsync(azurite.ConnectionString, clusterId);
        processes.Add(second);
        Uri[] dashboards = [first.DashboardUrl, second.DashboardUrl];

        // The trainer is the loopback user of either dashboard (no sign-in configured on loopback).
        using var trainer = new HttpClient { BaseAddress = dashboards[0] };
        using var opened = await trainer.PostAsJsonAsync("/api/sessions", new { @base = Base, question = "How long does a visit's effect last?" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var code = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

        // The board's live stream, on the other dashboard: it must tell of every change the students make.
        using var boardReader = new HttpClient { BaseAddress = dashboards[1], Timeout = Timeout.InfiniteTimeSpan };
        using var stream = await boardReader.GetAsync($"/api/sessions/{code}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync());

        var variants = new Dictionary<string, string>();
        await Task.WhenAll(Enumerable.Range(0, Students).Select(async i =>
        {
            var id = $"student-{i:00}";
            var yaml = Variant(id, 300 + 25 * i);
            lock (variants)
                variants[id] = yaml;
            var cookies = new CookieContainer();
            using var joinSide = Client(dashboards[i % 2], cookies);
            using var otherSide = Client(dashboards[(i + 1) % 2], cookies);
            using (var joined = await joinSide.PostAsJsonAsync($"/api/sessions/{code}/join", new { name = $"Student {i}" }))
                Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
            using (var saved = await otherSide.PutAsync($"/api/variants/{id}", new StringContent(yaml, Encoding.UTF8, "application/yaml")))
                Assert.True(saved.StatusCode == HttpStatusCode.Created, $"{id}: PUT answered {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
            using var run = await joinSide.PostAsJsonAsync($"/api/sessions/{code}/runs", new { variantId = id });
            Assert.True(run.StatusCode == HttpStatusCode.Accepted, $"{id}: run answered {(int)run.StatusCode} {await run.Content.ReadAsStringAsync()}");
        }));

        // Follow the pushes until the board shows every run completed (each push names a new version of the session).
        JsonElement board;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        while (true)
        {
            board = JsonDocument.Parse(await trainer.GetStringAsync($"/api/sessions/{code}/board")).RootElement;
            var done = board.GetProperty("variants").EnumerateArray().Count(v => v.GetProperty("status").GetString() == "completed");
            if (done == Students && board.GetProperty("base").ValueKind == JsonValueKind.Array)
                break;
            var line = await events.ReadLineAsync(deadline.Token);
            Assert.NotNull(line);
        }

        var dyad = board.GetProperty("dyad").GetString()!;
        var scenarios = Path.Combine(RepositoryRoot(), "scenarios");
        var shown = board.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(Students, shown.Count);
        foreach (var curve in shown)
        {
            var id = curve.GetProperty("variant").GetString()!;
            var reference = Replay(variants[id], id, scenarios, dyad);
            var strengths = curve.GetProperty("strengths").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(reference.Count, strengths.Count);
            var worst = strengths.Zip(reference, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-9, $"{id}: the board's curve differs from the variant's replay by {worst:E2}");
            Assert.NotEmpty(curve.GetProperty("changes").EnumerateArray());
            Assert.StartsWith($"/runs/{curve.GetProperty("run").GetString()}?", curve.GetProperty("explain").GetString());
        }
        // Twenty different curves: each student set a different half-life.
        Assert.Equal(Students, shown.Select(c => c.GetProperty("strengths").GetRawText()).Distinct().Count());
        using var plot = await boardReader.GetAsync($"/api/sessions/{code}/board.svg");
        Assert.Equal("image/svg+xml", plot.Content.Headers.ContentType!.MediaType);
    }

    private static HttpClient Client(Uri dashboard, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = dashboard };

    private static string Variant(string id, double halfLifeDays) => string.Create(CultureInfo.InvariantCulture, $"""
        variant: {id}
        title: "Half-life {halfLifeDays} days"
        base: {Base}.yaml
        changes:
          model: {"{"} halfLifeDays: {halfLifeDays} {"}"}

        """);

    /// <summary>The strengths of <paramref name="dyad"/> (A~B) in the reference replay of the variant.</summary>
    private static IReadOnlyList<double> Replay(string yaml, string id, string scenarios, string dyad)
    {
        var (scenario, problems) = new ScenarioLoader().CheckText($"{id}.yaml", yaml, scenarios);
        Assert.True(scenario is not null, string.Join('\n', problems));
        return ReferenceEvaluator.Evaluate(scenario).Dyads.Single(d => $"{d.Dyad.A}~{d.Dyad.B}" == dyad).Strengths;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Relations.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Relations.sln not found");
    }
}
