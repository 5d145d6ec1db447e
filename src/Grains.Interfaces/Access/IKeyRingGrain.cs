using Orleans.Concurrency;

namespace Relations.Grains.Interfaces;

/// <summary>
/// The ASP.NET Core data-protection key ring shared by every dashboard of a cluster (key <see cref="AccessKeys.All"/>):
/// sign-in and join cookies and antiforgery tokens made by one dashboard are read by the others.
/// </summary>
[Alias("relations.IKeyRingGrain")]
public interface IKeyRingGrain : IGrainWithStringKey
{
    /// <summary>Every key element, as the XML text ASP.NET Core wrote.</summary>
    [Alias("GetAll"), AlwaysInterleave]
    Task<string[]> GetAll();

    /// <summary>Keeps an element under its friendly name (a second store of one name replaces it).</summary>
    [Alias("Store")]
    Task Store(string friendlyName, string xml);
}
