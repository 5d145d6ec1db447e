using System.Net;
using Relations.Grains.Interfaces;

namespace Relations.Silo.Hosting;

/// <summary>How a command reaches grains: an embedded silo of its own, or a running cluster's gateway.</summary>
public sealed record ClusterTarget(IPEndPoint? Gateway)
{
    public static ClusterTarget Embedded { get; } = new((IPEndPoint?)null);

    /// <summary>Parses <c>--gateway HOST:PORT</c>; <see cref="Embedded"/> when not given.</summary>
    public static ClusterTarget Parse(string? gateway)
    {
        if (string.IsNullOrWhiteSpace(gateway))
            return Embedded;
        try
        {
            return new ClusterTarget(ClusterAddress.ParseGateway(gateway));
        }
        catch (FormatException ex)
        {
            throw new Cli.BadInputException(ex.Message);
        }
    }
}
