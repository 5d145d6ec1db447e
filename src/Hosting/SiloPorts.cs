using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Relations.Hosting;

/// <summary>
/// A silo's two ports, taken by binding them — never by a check that another process could race. Orleans binds its
/// listeners with SO_REUSEADDR, which on Linux also sets SO_REUSEPORT: two silos of one user bind the same port
/// without an error, the kernel shares the connections between them, and the membership protocol declares one dead.
/// So the ports are first taken here by a listening socket without SO_REUSEPORT, whose bind fails while anything else
/// holds them and which keeps any other process from taking them, and handed to Orleans in the moment before it binds
/// (<see cref="Handover"/>).
/// A start that loses a port in that moment fails with <see cref="AddressInUseException"/> and is made again on
/// other ports (<see cref="SiloStart"/>).
/// </summary>
public sealed class SiloPorts : IDisposable
{
    private Socket? siloSocket;
    private Socket? gatewaySocket;

    private SiloPorts(Socket silo, Socket gateway, bool given)
    {
        (siloSocket, gatewaySocket, Given) = (silo, gateway, given);
        Silo = ((IPEndPoint)silo.LocalEndPoint!).Port;
        Gateway = ((IPEndPoint)gateway.LocalEndPoint!).Port;
    }

    public int Silo { get; }

    public int Gateway { get; }

    /// <summary>Whether both were given (<c>--silo-port</c>, <c>--gateway-port</c>): a lost port is then the user's to change.</summary>
    public bool Given { get; }

    /// <summary>
    /// Takes the ports at <paramref name="listen"/>: each as given, else its <paramref name="preferred"/> port when
    /// nothing holds it, else one the operating system picks.
    /// </summary>
    /// <exception cref="PortTakenException">A given port is held by another program.</exception>
    public static SiloPorts Take(IPAddress listen, int? silo, int? gateway, (int Silo, int Gateway)? preferred = null)
    {
        var siloSocket = Bind(listen, silo, preferred?.Silo, "--silo-port");
        try
        {
            return new SiloPorts(siloSocket, Bind(listen, gateway, preferred?.Gateway, "--gateway-port"), silo is not null && gateway is not null);
        }
        catch
        {
            siloSocket.Dispose();
            throw;
        }
    }

    /// <summary>Orleans' endpoints on these ports: listening at <paramref name="listen"/>, advertising <paramref name="advertise"/>.</summary>
    public void Configure(ISiloBuilder silo, IPAddress advertise, IPAddress listen)
    {
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = advertise;
            (o.SiloPort, o.GatewayPort) = (Silo, Gateway);
            o.SiloListeningEndpoint = new IPEndPoint(listen, Silo);
            o.GatewayListeningEndpoint = new IPEndPoint(listen, Gateway);
        });
        silo.Services.AddSingleton(this);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Handover>();
    }

    /// <summary>Lets the ports go, for Orleans to bind them.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref siloSocket, null)?.Dispose();
        Interlocked.Exchange(ref gatewaySocket, null)?.Dispose();
    }

    /// <summary>Whether <paramref name="error"/> (a failed host start) is a listener that found its port taken.</summary>
    public static bool IsPortLost(Exception error) => error switch
    {
        AddressInUseException => true,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException all => all.InnerExceptions.Any(IsPortLost),
        _ => error.InnerException is { } inner && IsPortLost(inner),
    };

    private static Socket Bind(IPAddress listen, int? given, int? preferred, string option)
    {
        if (given is { } port)
        {
            return TryBind(listen, port)
                ?? throw new PortTakenException($"{option} {port} is taken: another program listens on {listen}:{port}; give a free port, or leave {option} out to have one chosen");
        }
        return (preferred is { } wanted ? TryBind(listen, wanted) : null)
            ?? TryBind(listen, 0)
            ?? throw new PortTakenException($"no free port to listen on at {listen}");
    }

    private static Socket? TryBind(IPAddress listen, int port)
    {
        // Listening, and without SO_REUSEPORT: .NET sets SO_REUSEADDR on every socket here, under which two sockets
        // that are only bound share a port; a listening one shares it with nothing but SO_REUSEPORT listeners, and
        // this one has no SO_REUSEPORT. Nobody connects to it: the port is not advertised until Orleans has it.
        var socket = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(listen, port));
            socket.Listen(1);
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Lets the ports go one lifecycle stage before Orleans' silo and gateway listeners bind them.</summary>
    private sealed class Handover(SiloPorts ports) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(SiloPorts), ServiceLifecycleStage.RuntimeInitialize - 2, _ =>
            {
                ports.Dispose();
                return Task.CompletedTask;
            });
    }
}

/// <summary>A port the user gave is held by another program; the message says which, in one sentence.</summary>
public sealed class PortTakenException(string message) : Exception(message);
