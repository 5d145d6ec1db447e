using Orleans.Configuration;

namespace Relations.Hosting;

/// <summary>
/// A silo in a Kubernetes pod (deploy/kubernetes): Orleans' Kubernetes hosting takes the pod's name and address
/// (POD_NAME, POD_IP, POD_NAMESPACE from the downward API), listens on every address of the pod — which has ports of
/// its own, so the defaults are always free — and removes the silos of deleted pods from the membership table.
/// </summary>
public static class KubernetesPod
{
    /// <summary>In a pod whose manifest gives the silo its name: KUBERNETES_SERVICE_HOST (set in every pod) and POD_NAME.</summary>
    public static bool IsCurrent =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Orleans.Hosting.Kubernetes.KubernetesHostingOptions.PodNameEnvironmentVariable));

    public static void Configure(ISiloBuilder silo, int siloPort, int gatewayPort)
    {
        silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (siloPort, gatewayPort));
        silo.UseKubernetesHosting();
    }
}
