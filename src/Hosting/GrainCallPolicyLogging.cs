using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Relations.Grains;

namespace Relations.Hosting;

/// <summary>Sends the lines of <see cref="GrainCallPolicy.Shared"/> (an outage begun, an outage over) to the host's logging.</summary>
internal sealed class GrainCallPolicyLogging(ILoggerFactory loggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GrainCallPolicy.Shared.Logger = loggers.CreateLogger<GrainCallPolicy>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void AddTo(IServiceCollection services) => services.AddHostedService<GrainCallPolicyLogging>();
}
