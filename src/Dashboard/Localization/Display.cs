using System.Globalization;

namespace Relations.Dashboard.Localization;

/// <summary>
/// Dates and numbers as the reader reads them, in the request's culture (vi-VN: 07/12/2026 and 84,9; en-GB:
/// 07/12/2026 and 84.9). Values a program reads back (form fields, data attributes, URLs, files) stay ISO and invariant.
/// </summary>
public static class Display
{
    /// <summary>A day as the reader writes it.</summary>
    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A day and time in UTC as the reader writes it.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    /// <summary>A number as the reader writes it (the format as for <see cref="double.ToString(string?)"/>).</summary>
    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.CurrentCulture);

    /// <summary>A count with digit grouping as the reader writes it.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A day as a program reads it (form fields, data attributes, URLs).</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
