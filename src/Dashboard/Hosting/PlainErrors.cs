using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Relations.Dashboard.Hosting;

/// <summary>
/// Failures answer with a plain sentence — problem details under /api, a short page elsewhere — and never with a
/// stack trace; the exception goes to the log. There is no developer exception page in any environment.
/// </summary>
public static class PlainErrors
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static void UsePlainErrors(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<RelationsOptions>>().Value.MaxUploadBytes;
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A request over its quota or beyond its role is answered, not a failure to log.
            SuppressDiagnosticsCallback = context => context.Exception is Access.OverQuotaException or Access.RoleRefusedException,
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (error is Access.OverQuotaException over)
                    http.Response.Headers.RetryAfter = ((int)over.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                var (status, message) = error switch
                {
                    Access.OverQuotaException => (StatusCodes.Status429TooManyRequests, error.Message),
                    Access.RoleRefusedException => (StatusCodes.Status403Forbidden, error.Message),
                    BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException =>
                        (StatusCodes.Status413PayloadTooLarge, "The upload is larger than {0} MiB, the most a scenario or variant may be here."),
                    BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
                    // The cluster or its storage did not answer (a silo restarting, storage slow or away): worth a retry.
                    _ when IsGrainFailure(error) => (StatusCodes.Status503ServiceUnavailable,
                        "The cluster did not answer in time (it may be busy or restarting); nothing was lost. Try again in a moment."),
                    _ => (StatusCodes.Status500InternalServerError,
                        "Something went wrong on the server. It has been logged; try again, or start from the scenario list."),
                };
                await Write(http, status, message, Math.Round(limit / 1024.0 / 1024.0, 2));
            },
        });
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var message = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "There is nothing at this address.",
                StatusCodes.Status400BadRequest => "The request could not be understood.",
                StatusCodes.Status405MethodNotAllowed => "This address does not take that kind of request.",
                _ => "The request could not be answered.",
            };
            await Write(http, http.Response.StatusCode, message);
        });
    }

    /// <summary>A failure of the cluster rather than of the request: Orleans' own (timeouts, lost silos, refused messages) or storage's.</summary>
    private static bool IsGrainFailure(Exception? error) =>
        error is OrleansException or TimeoutException or Orleans.Storage.InconsistentStateException or Azure.RequestFailedException
        || error?.InnerException is OrleansException or TimeoutException;

    /// <param name="format">The sentence, in English (the key of its Vietnamese in Strings.vi.resx), with <paramref name="arguments"/>.</param>
    private static async Task Write(HttpContext http, int status, string format, params object[] arguments)
    {
        var message = string.Format(CultureInfo.InvariantCulture, format, arguments);
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = "5";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            if (status == StatusCodes.Status413PayloadTooLarge)
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(message + "\n");
                return;
            }
            await http.Response.WriteAsJsonAsync(new { title = message, status, detail = message }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        // A page answers in the reader's language (from the URL, as the request localization read it).
        var language = Views.Language.Of(http);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var words = http.RequestServices.GetRequiredService<IStringLocalizer<Localization.Strings>>();
        http.Response.ContentType = "text/html; charset=utf-8";
        var text = Encoder.Encode(words[format, arguments]);
        var home = Encoder.Encode(http.Request.PathBase.Add("/").Value!);
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>Relations</title>" +
            "<link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><main class=\"error\">" +
            $"<h1>{status}</h1><p>{text}</p><p>{Retry(http, words)}<a href=\"{home}\">{Encoder.Encode(words["Back to the scenarios"])}</a></p></main></body></html>");
    }

    /// <summary>"Try again": the same address (for a form that was sent, the page that shows the form again).</summary>
    private static string Retry(HttpContext http, IStringLocalizer<Localization.Strings> words) =>
        http.Response.StatusCode is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status500InternalServerError
            ? $"<a href=\"{Encoder.Encode(http.Request.PathBase + http.Request.Path + (HttpMethods.IsGet(http.Request.Method) ? http.Request.QueryString : default))}\" id=\"try-again\">{Encoder.Encode(words["Try again"])}</a> · "
            : "";
}
