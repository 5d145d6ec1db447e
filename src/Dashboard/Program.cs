using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using Orleans.Dashboard;
using Relations.Dashboard.Access;
using Relations.Dashboard.Api;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Localization;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Variants;
using Relations.Dashboard.Views;
using Relations.Hosting.Operators;

var addOperator = AddOperatorCommand.Matches(args, out var operatorName, out args);
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, RelationsOptions.SwitchMappings);

RelationsOptions options;
ClusterTarget target;
RelationsStorage storage;
string scenarios;
try
{
    options = builder.Configuration.GetSection(RelationsOptions.Section).Get<RelationsOptions>() ?? new RelationsOptions();
    target = options.Validate();
    scenarios = ScenarioFolder.Locate(options.Scenarios);
    // Loopback unless told otherwise (--urls, ASPNETCORE_URLS); any other address needs sign-in configured.
    if (!addOperator && options.ReachableWithoutSignIn(builder.Configuration["urls"] is { Length: > 0 } urls ? urls : RelationsOptions.DefaultUrl) is { } open)
        throw new DashboardOptionsException(open);
}
catch (Exception ex) when (ex is DashboardOptionsException or InvalidOperationException)
{
    Console.Error.WriteLine($"relations dashboard: {ex.Message}");
    return 2;
}

// The co-hosted silo keeps data by default: a local Azurite with on-disk data unless storage is configured.
await using var defaultStorage = target.IsEmbedded
    ? await DefaultStorage.ChooseAsync(options.Storage, options.ConnectionString, options.CheckpointEvery, options.Data, CancellationToken.None)
    : null;
storage = defaultStorage?.Storage ?? RelationsStorage.InMemory;
if (defaultStorage?.Warning is { } warning)
    Console.Error.WriteLine($"relations dashboard: {warning}");
if (addOperator)
    return await AddOperatorCommand.RunAsync(operatorName, target, storage);

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls(RelationsOptions.DefaultUrl);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + 256 * 1024);
builder.AddHostLimits(RelationsOptions.DefaultUrl);

builder.Logging.SetMinimumLevel(LogLevel.Warning);
// Orleans logs expected trouble (a silo starting, a retried placement) as warnings with stack traces.
builder.Logging.AddFilter("Orleans", LogLevel.Error);
builder.Logging.AddFilter("Polly", LogLevel.Error);
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

builder.Services.Configure<RelationsOptions>(builder.Configuration.GetSection(RelationsOptions.Section));
builder.Services.PostConfigure<RelationsOptions>(o => o.Scenarios = scenarios);
try
{
    builder.AddCluster(options, target, storage);
}
catch (PortTakenException ex)
{
    Console.Error.WriteLine($"relations dashboard: {ex.Message}");
    return 2;
}
builder.AddRelationsTelemetry("relations-dashboard");
// Ready: its own silo is active and its storage answers, or (a client) its cluster answers.
builder.Services.AddRelationsHealthChecks(target.IsEmbedded ? storage : null);
// Checkpoints protect runs only where state is durable; a cluster reached as a client decides by time (RunRequest).
builder.Services.AddSingleton(new RunCheckpoints(target.IsEmbedded ? storage.EffectiveCheckpointEverySlices : 0));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache(cache => cache.SizeLimit = RunService.CacheSize);
builder.Services.AddSingleton<ScenarioCatalog>();
builder.Services.AddSingleton<RunService>();
builder.Services.AddSingleton<RunArtifacts>();
builder.Services.AddSingleton<Relations.Dashboard.Ensembles.JobService>();
builder.Services.AddSingleton<CertaintyRuns>();
builder.Services.AddSingleton<WhatIfRunner>();
builder.Services.AddSingleton<VariantStore>();
builder.Services.AddSingleton<Relations.Dashboard.Classes.ClassSessions>();
builder.AddAccess(options);
builder.Services.AddTransient<WhyText>();
// Interface strings: resource files under Resources/ (Vietnamese; the English text is the key). LOCALIZATION.md.
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorPages(pages => pages.AuthorizeByRole()).AddViewLocalization();
builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
{
    Timeout = options.RequestTimeout,
    TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
    WriteTimeoutResponse = context =>
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"This request took longer than its budget of {options.RequestTimeout.TotalSeconds:0.###} s and was stopped; try a smaller file.\n");
    },
});
// Vietnamese stays readable in the pages' source; markup characters (< > & " ') are still encoded.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

app.UsePlainErrors();
app.UseSecurityHeaders();
app.UseUploadLimit(options.MaxUploadBytes + 256 * 1024);
// Before routing: a language prefix (/en/…) becomes part of the path base, so the pages' routes match as they are.
app.UseLanguageInPath();
app.UseRouting();
app.UseRequestTimeouts();
app.UseStaticFiles(new StaticFileOptions
{
    RequestPath = "/assets",
    FileProvider = new EmbeddedFileProvider(typeof(Program).Assembly, "Relations.Dashboard.Assets"),
});
app.UseAccess();
// Health for load balancers and probes, anonymous; /metrics to operators only (issue 21's roles).
if (app.MapOperatorEndpoints() is [var live, var ready, var metrics])
{
    live.AllowAnonymous();
    ready.AllowAnonymous();
    metrics.RequireAuthorization(Policies.Operator);
}
app.MapRunsApi();
app.MapEnsemblesApi();
app.MapJobEvents();
app.MapVariantsApi();
app.MapSignIn();
app.MapSessionsApi();
app.MapAuditApi();
app.MapRazorPages();
if (target.IsEmbedded)
{
    app.UseOrleansBackLink();
    app.MapOrleansDashboard(routePrefix: "/orleans").DisableRequestTimeout().RequireAuthorization(Policies.Operator);
}
else
{
    // The Orleans dashboard reads counters from dashboard grains on the silos, which `relations silo` does not run.
    app.MapGet("/orleans/{**rest}", () => Results.Text(
        $"The Orleans dashboard is served by a dashboard that co-hosts its silo; this one is a client of {target}.\n",
        "text/plain; charset=utf-8")).RequireAuthorization(Policies.Operator);
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
        Console.WriteLine($"Relations dashboard: {address}/");
    Console.WriteLine(target.IsEmbedded
        ? $"Orleans dashboard: {addresses.FirstOrDefault()}/orleans/ (a silo of its own; {defaultStorage?.Description})"
        : $"Orleans cluster: client of {target}");
    Console.WriteLine($"Scenarios: {scenarios}");
    Console.WriteLine("Press Ctrl+C to stop.");
});

try
{
    await app.RunAsync();
}
catch (Exception ex) when ((!target.IsEmbedded || storage.IsDurable) && ex is not OperationCanceledException)
{
    Console.Error.WriteLine(!target.IsEmbedded
        ? $"relations dashboard: cannot reach {target}: {ex.GetBaseException().Message}"
        : $"relations dashboard: cannot start with Azure Table storage: {ex.GetBaseException().Message}");
    return 1;
}
return 0;

/// <summary>The dashboard's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
