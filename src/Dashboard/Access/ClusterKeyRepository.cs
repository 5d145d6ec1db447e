using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Access;

/// <summary>
/// ASP.NET Core's data-protection key ring kept by the cluster (<see cref="IKeyRingGrain"/>), so that any number of
/// dashboards read each other's sign-in and join cookies and antiforgery tokens. The interface is synchronous; the key
/// ring is read once and then every few hours (or when a key is missing), so blocking on the grain call is cheap.
/// </summary>
public sealed class ClusterKeyRepository(IGrainFactory grains) : IXmlRepository
{
    private IKeyRingGrain Ring => grains.GetGrain<IKeyRingGrain>(AccessKeys.All);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Ring.GetAll().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        Ring.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
