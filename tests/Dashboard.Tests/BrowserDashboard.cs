using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Relations.Dashboard.Tests;

/// <summary>
/// The dashboard on a real loopback port (Kestrel, a free port) and Debian's chromium driven by Playwright. Chromium
/// comes from the distribution (scripts/test.sh installs it); Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserDashboard : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly KestrelDashboard dashboard = new();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> made = new(StringComparer.Ordinal);

    public string BaseUrl { get; private set; } = "";

    public DashboardFactory Dashboard => dashboard;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {Chromium}: install it with `apt-get install chromium` " +
                "(bash scripts/test.sh does so). They do not skip themselves.");
        }
        dashboard.UseKestrel(0);
        dashboard.StartServer();
        var addresses = dashboard.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Something several tests read and none changes (a finished run, comparison, ensemble or sweep): made at the first
    /// ask, the same address after, so the tests of several widths share one of each.
    /// </summary>
    public Task<string> OnceAsync(string key, Func<Task<string>> make) =>
        made.GetOrAdd(key, _ => new Lazy<Task<string>>(make)).Value;

    /// <summary>A fresh page (its own cookies) of a laptop-sized window.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = BaseUrl,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Keeps a full-page screenshot under TestResults/screenshots.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryFiles.Screenshots, name + ".png"), FullPage = true });

    /// <summary>
    /// Waits until the page's address has <paramref name="name"/>=<paramref name="value"/> in its query. Polls the
    /// address instead of waiting for a navigation event, because in-place swaps change it with history.replaceState.
    /// </summary>
    public static Task WaitForQueryAsync(IPage page, string name, string value) =>
        page.WaitForFunctionAsync("([name, value]) => new URL(location.href).searchParams.get(name) === value",
            new[] { name, value }, new PageWaitForFunctionOptions { Timeout = 60_000 });

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        await dashboard.DisposeAsync();
    }

    private sealed class KestrelDashboard : DashboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
