using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Request = Azure.Core.Request;

namespace Relations.Hosting;

/// <summary>
/// Why a grain's write met "Table storage condition not Satisfied … StoredETag: Unknown" under load (issue 17.5), and
/// the fix at that cause. A write to the Table service is conditional: an update carries the ETag it replaces, an insert
/// may not find the entity. When storage is slow, the write's answer arrives after <c>NetworkTimeout</c>; the SDK
/// then sends the same write again — but the first one has landed, so the stored ETag is no longer the one sent
/// (412) or the entity exists (409), and the provider reports a conflict that no other writer caused.
/// <para>
/// This pair of policies marks an attempt that got no answer (<see cref="Unanswered"/>, per retry) and, when a write
/// sent again is refused with 412 or 409 (<see cref="Check"/>, per call), reads the entity: if it holds exactly the
/// properties this write sent, the refusal is this write's own first attempt, and the write is answered as done with
/// the stored ETag. Anything else — a write that differs, a first attempt refused — stays the conflict it is.
/// </para>
/// </summary>
public static class ResentWrites
{
    private const string ResentKey = "relations.resent-write";

    /// <summary>Adds both policies to the options of a Table service client.</summary>
    public static void AddTo(ClientOptions options)
    {
        options.AddPolicy(new Check(), HttpPipelinePosition.PerCall);
        options.AddPolicy(new Unanswered(), HttpPipelinePosition.PerRetry);
    }

    private static bool IsWrite(Request request) =>
        request.Method == RequestMethod.Put || request.Method == RequestMethod.Post || request.Method == RequestMethod.Patch
        || request.Method.Method == "MERGE";

    /// <summary>Marks a write whose attempt ended without an answer: the service may have applied it.</summary>
    private sealed class Unanswered : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            catch (Exception) when (IsWrite(message.Request))
            {
                message.SetProperty(ResentKey, true);
                throw;
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception) when (IsWrite(message.Request))
            {
                message.SetProperty(ResentKey, true);
                throw;
            }
        }
    }

    /// <summary>Answers a resent write refused by its own first attempt as done.</summary>
    private sealed class Check : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            if (Refused(message) is not { } sent)
                return;
            var refusal = message.Response;
            ToRead(message, sent);
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            Settle(message, sent, refusal);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            if (Refused(message) is not { } sent)
                return;
            var refusal = message.Response;
            ToRead(message, sent);
            ProcessNext(message, pipeline);
            Settle(message, sent, refusal);
        }
    }

    /// <summary>What a resent write refused with 409/412 sent (its entity's JSON and how it wanted the answer), or null.</summary>
    private sealed record Sent(JsonElement Entity, bool WantsContent, string EntityUri);

    private static Sent? Refused(HttpMessage message)
    {
        if (!message.HasResponse || message.Response.Status is not (409 or 412) || !IsWrite(message.Request)
            || !message.TryGetProperty(ResentKey, out var resent) || resent is not true || message.Request.Content is null)
            return null;
        using var body = new MemoryStream();
        message.Request.Content.WriteTo(body, message.CancellationToken);
        JsonElement entity;
        try
        {
            entity = JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (entity.ValueKind != JsonValueKind.Object)
            return null;
        var uri = message.Request.Uri.ToUri();
        var path = uri.GetLeftPart(UriPartial.Path);
        // An update addresses the entity; an insert addresses the table, and the keys are in the body.
        if (!path.EndsWith(')'))
        {
            if (!TryKey(entity, "PartitionKey", out var partition) || !TryKey(entity, "RowKey", out var row))
                return null;
            path += $"(PartitionKey='{Key(partition)}',RowKey='{Key(row)}')";
        }
        var wantsContent = !(message.Request.Headers.TryGetValue("Prefer", out var prefer) && prefer.Contains("return-no-content", StringComparison.OrdinalIgnoreCase))
            && message.Request.Method == RequestMethod.Post;
        return new Sent(entity, wantsContent, path);
    }

    private static bool TryKey(JsonElement entity, string name, [NotNullWhen(true)] out string? value)
    {
        value = entity.TryGetProperty(name, out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
        return value is not null;
    }

    /// <summary>A key as the Table service's entity address writes it: quotes doubled, then escaped.</summary>
    private static string Key(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    /// <summary>Turns the message into a read of the entity the write addressed.</summary>
    private static void ToRead(HttpMessage message, Sent sent)
    {
        var request = message.Request;
        request.Method = RequestMethod.Get;
        request.Content = null;
        request.Headers.Remove("If-Match");
        request.Headers.Remove("Prefer");
        request.Headers.Remove("Content-Type");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        request.Uri.Reset(new Uri(sent.EntityUri));
        request.Uri.AppendQuery("$format", "application/json;odata=minimalmetadata");
    }

    /// <summary>Answers the write as done when the entity holds what it sent; otherwise puts its refusal back.</summary>
    private static void Settle(HttpMessage message, Sent sent, Response refusal)
    {
        var read = message.Response;
        if (read.Status == 200 && read.Headers.ETag is { } etag && Holds(read.Content, sent.Entity))
            message.Response = new Landed(sent.WantsContent ? 201 : 204, etag.ToString(), sent.WantsContent ? read.Content : null, refusal.ClientRequestId);
        else
            message.Response = refusal;
    }

    /// <summary>Whether the stored entity has every property the write sent, with the value it sent.</summary>
    private static bool Holds(BinaryData stored, JsonElement sent)
    {
        JsonElement entity;
        try
        {
            entity = JsonDocument.Parse(stored).RootElement;
        }
        catch (JsonException)
        {
            return false;
        }
        foreach (var property in sent.EnumerateObject())
        {
            if (property.Name.StartsWith("odata.", StringComparison.Ordinal) || property.Name.EndsWith("@odata.type", StringComparison.Ordinal))
                continue;
            if (!entity.TryGetProperty(property.Name, out var value) || !SameValue(property.Value, value))
                return false;
        }
        return true;
    }

    private static bool SameValue(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String
            ? a.GetString() == b.GetString()
            : a.GetRawText() == b.GetRawText();

    /// <summary>The answer a write gets when its own first attempt is what landed.</summary>
    private sealed class Landed(int status, string etag, BinaryData? content, string requestId) : Response
    {
        private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase) { ["ETag"] = etag };

        public override int Status => status;

        public override string ReasonPhrase => status == 201 ? "Created" : "No Content";

        public override Stream? ContentStream { get; set; } = content?.ToStream();

        public override string ClientRequestId { get; set; } = requestId;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = headers.TryGetValue(name, out var value) ? [value] : null;
            return values is not null;
        }

        protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));
    }
}
