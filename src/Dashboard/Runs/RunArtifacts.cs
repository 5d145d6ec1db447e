using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Relations.Dashboard.Runs;

/// <summary>
/// What a completed run shows — its files, plots and rendered page plot — never changes, so each is made once and
/// kept in a bounded cache (least recently used out first), and files carry an <c>ETag</c> so a browser that has one
/// gets 304. Concurrent first requests for the same thing wait for one render instead of rendering it each.
/// Call it only for completed runs.
/// </summary>
public sealed class RunArtifacts : IDisposable
{
    /// <summary>Bytes kept (files and rendered plots); a plot is tens to hundreds of kilobytes.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> rendering = new(StringComparer.Ordinal);

    /// <summary>A file of a completed run, served with an ETag of its content (304 when the browser has it).</summary>
    public async Task<IResult> FileAsync(HttpContext http, string runId, string name, string contentType, string downloadName, Func<byte[]> render)
    {
        var file = await GetAsync($"{runId}\n{name}", () =>
        {
            var bytes = render();
            return new CachedFile(bytes, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\""));
        }, f => f.Bytes.Length);
        http.Response.Headers[HeaderNames.CacheControl] = "private, max-age=3600";
        return Results.File(file.Bytes, contentType, downloadName, entityTag: file.ETag);
    }

    /// <summary>Something derived from a completed run (a rendered plot), made once; <paramref name="size"/> in bytes.</summary>
    public Task<T> GetAsync<T>(string key, Func<T> render, Func<T, long> size) where T : class =>
        cache.TryGetValue(key, out T? cached) ? Task.FromResult(cached!) : RenderOnceAsync(key, render, size);

    private async Task<T> RenderOnceAsync<T>(string key, Func<T> render, Func<T, long> size) where T : class
    {
        var lazy = rendering.GetOrAdd(key, _ => new Lazy<Task<object>>(() => Task.Run(() =>
        {
            var value = render();
            cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)) });
            return (object)value;
        })));
        try
        {
            return (T)await lazy.Value;
        }
        finally
        {
            rendering.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, lazy));
        }
    }

    public void Dispose() => cache.Dispose();

    private sealed record CachedFile(byte[] Bytes, EntityTagHeaderValue ETag);
}
