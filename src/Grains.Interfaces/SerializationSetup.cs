using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Relations.Grains.Interfaces;

/// <summary>
/// The pure model (scenarios, parameters) knows nothing of Orleans; its records cross grain boundaries as JSON.
/// Silos and clients both call this.
/// </summary>
public static class SerializationSetup
{
    public static ISerializerBuilder AddRelationsModelSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Namespace is { } ns && ns.StartsWith("Relations.Model", StringComparison.Ordinal),
            jsonSerializerOptions: new JsonSerializerOptions(JsonSerializerDefaults.General) { IncludeFields = false });

    public static IServiceCollection AddRelationsModelSerialization(this IServiceCollection services) =>
        services.AddSerializer(builder => builder.AddRelationsModelSerialization());
}
