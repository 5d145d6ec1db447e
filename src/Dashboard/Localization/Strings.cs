namespace Relations.Dashboard.Localization;

/// <summary>
/// The interface strings many pages share (words for statuses, certainty levels, event kinds, the script's texts):
/// <c>IStringLocalizer&lt;Strings&gt;</c>, kept in Resources/Localization/Strings.vi.resx. See /work/notes/LOCALIZATION.md.
/// </summary>
public sealed class Strings;
