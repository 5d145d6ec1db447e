namespace Relations.Dashboard.Tests;

/// <summary>A valid scenario whose every text tries to become markup or script.</summary>
internal static class HostileScenario
{
    public const string Title = "<script>alert('title')</script> & friends";

    public const string Yaml = """
        id: hostile
        title: "<script>alert('title')</script> & friends"
        description: "<b>bold</b> <script>alert('description')</script>"
        period: { from: 2020-01-01, to: 2021-12-31 }
        sources:
          - { id: s1, title: "<script>alert('source')</script>", publisher: "<i>P</i>", url: "https://example.org/?q=\"><script>alert('url')</script>" }
        actors:
          - { id: a, kind: province, country: VN, name: "<svg onload=alert('a')>" }
          - { id: b, kind: province, country: CN, name: "B</text><script>alert('b')</script>" }
        interruptions:
          - { id: i1, from: 2020-06-01, to: 2020-07-01, scope: all, title: "<script>alert('interruption')</script>" }
        events:
          - { id: e1, date: 2020-03-01, kind: agreement, between: [a, b], source: s1, title: "<img src=x onerror=alert('event')>", note: "</td><script>alert('note')</script>" }
          - { id: e2, date: 2021-03-01, kind: visit, between: [a, b], source: s1, title: "\"><script>alert('quote')</script>" }
        """;

    /// <summary>Markup that must never appear as it is in a page.</summary>
    public static readonly string[] Raw = ["<script>alert", "<img src=x", "<svg onload", "<b>bold</b>", "<i>P</i>", "href=\"javascript:"];
}
