using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>The dashboard in process with every localized text marked (<see cref="MarkingLocalizerFactory"/>).</summary>
public sealed class MarkedDashboard : DashboardFactory
{
    public MarkingLocalizerFactory Marks => (MarkingLocalizerFactory)Services.GetRequiredService<IStringLocalizerFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStringLocalizerFactory>(provider =>
            new MarkingLocalizerFactory(new ResourceManagerStringLocalizerFactory(
                provider.GetRequiredService<IOptions<LocalizationOptions>>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))));
    }
}
