using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Relations.Model.Yaml;

/// <summary>
/// Loads one YAML document into a <see cref="YamlTreeNode"/> tree from parser events, refusing what an attacker
/// would use: alias bombs (an alias shares its anchor's node, and the expanded size is bounded), deep nesting,
/// huge files, several documents in one file.
/// </summary>
public static partial class YamlTreeLoader
{
    /// <summary>Largest file read, in bytes; a hand-written scenario of 2013–2026 is a few tens of kilobytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings; the format itself needs five levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most nodes in one document, counting every alias as the nodes it stands for.</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>The loaded root, or the problem (with its position) that stopped the load.</summary>
    public readonly record struct Result(YamlTreeNode? Root, string? Error, int Line, int Column);

    public static Result LoadBytes(byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
            return Fail(1, 1, string.Create(CultureInfo.InvariantCulture, $"the file is {bytes.Length:N0} bytes, more than the {MaxBytes:N0} bytes a scenario may have"));
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Fail(1, 1, "the file is not valid UTF-8 text");
        }
        return LoadText(text.TrimStart('\uFEFF'));
    }

    public static Result LoadText(string text)
    {
        if (text.Length > MaxBytes)
            return Fail(1, 1, string.Create(CultureInfo.InvariantCulture, $"the text is longer than the {MaxBytes:N0} characters a scenario may have"));
        Parser? parser = null;
        try
        {
            parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return Fail(1, 1, "the file is empty");
            parser.Consume<DocumentStart>();
            var loaded = ReadDocument(parser);
            if (loaded.Error is not null)
                return loaded;
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
                return Fail(second.Start, "a scenario file holds one YAML document; remove the second '---' document");
            return loaded;
        }
        catch (YamlException ex)
        {
            return Fail(ex.Start, CleanMessage(ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some broken streams (an unclosed '[' followed by more
            // lines; '...' before any document), without a position: report the last place it reached.
            return Fail(parser?.Current?.Start ?? Mark.Empty, "YAML syntax: the text cannot be read from here on (an unclosed bracket, brace or quote, or a stray '...' or '---'?)");
        }
    }

    private static Result ReadDocument(IParser parser)
    {
        var stack = new Stack<(YamlTreeNode Node, string? Anchor, YamlTreeScalar? Key)>();
        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        YamlTreeNode? root = null;
        var events = 0;
        YamlTreeScalar? pendingKey = null;

        while (!parser.Accept<DocumentEnd>(out _))
        {
            var ev = parser.Consume<ParsingEvent>();
            if (++events > MaxNodes)
                return Fail(ev.Start, string.Create(CultureInfo.InvariantCulture, $"the document has more than {MaxNodes:N0} nodes"));
            var anchor = ev is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;

            YamlTreeNode completed;
            switch (ev)
            {
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        return Fail(alias.Start, $"the alias '*{alias.Value}' names no anchor defined before it");
                    completed = target;
                    break;
                case Scalar s:
                    completed = new YamlTreeScalar(Line(s.Start), Col(s.Start), s.Value, s.Style == ScalarStyle.Plain && IsNullWord(s.Value));
                    if (anchor is not null)
                        anchors[anchor] = completed;
                    break;
                case SequenceStart or MappingStart:
                    if (stack.Count >= MaxDepth)
                        return Fail(ev.Start, $"the document nests deeper than {MaxDepth} levels");
                    YamlTreeNode container = ev is SequenceStart
                        ? new YamlTreeSequence(Line(ev.Start), Col(ev.Start))
                        : new YamlTreeMapping(Line(ev.Start), Col(ev.Start));
                    stack.Push((container, anchor, pendingKey));
                    pendingKey = null;
                    continue;
                case SequenceEnd or MappingEnd:
                    (completed, var containerAnchor, pendingKey) = stack.Pop();
                    completed.ExpandedSize = 1 + completed switch
                    {
                        YamlTreeSequence seq => seq.Items.Sum(i => i.ExpandedSize),
                        YamlTreeMapping map => map.Entries.Sum(e => 1 + e.Value.ExpandedSize),
                        _ => 0,
                    };
                    if (completed.ExpandedSize > MaxNodes)
                        return Fail(completed.Line, completed.Column, string.Create(CultureInfo.InvariantCulture, $"with its aliases expanded, the document has more than {MaxNodes:N0} nodes (an alias bomb?)"));
                    if (containerAnchor is not null)
                        anchors[containerAnchor] = completed;
                    break;
                default:
                    continue;
            }

            if (stack.Count == 0)
            {
                root = completed;
                continue;
            }
            switch (stack.Peek().Node)
            {
                case YamlTreeSequence seq:
                    seq.Items.Add(completed);
                    break;
                case YamlTreeMapping map when pendingKey is null:
                    if (completed is not YamlTreeScalar key)
                        return Fail(completed.Line, completed.Column, "a mapping key must be a plain name, not a list or mapping");
                    if (!map.Keys.Add(key.Value))
                        return Fail(key.Line, key.Column, $"'{key.Value}' appears twice in the same mapping");
                    pendingKey = key;
                    break;
                case YamlTreeMapping map:
                    map.Entries.Add(new(pendingKey, completed));
                    pendingKey = null;
                    break;
            }
        }
        return root is null ? Fail(1, 1, "the file is empty") : new Result(root, null, root.Line, root.Column);
    }

    private static bool IsNullWord(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    private static int Line(Mark m) => (int)Math.Max(1, m.Line);
    private static int Col(Mark m) => (int)Math.Max(1, m.Column);

    private static Result Fail(Mark at, string message) => Fail(Line(at), Col(at), message);
    private static Result Fail(int line, int column, string message) => new(null, message, line, column);

    /// <summary>YamlDotNet prefixes its messages with "(Line: .., Col: .., Idx: ..) - (…): "; the position is reported separately.</summary>
    private static string CleanMessage(string message)
    {
        var cleaned = PositionPrefix().Replace(message, "").Trim();
        cleaned = cleaned.TrimEnd('.');
        return cleaned.Length == 0 ? "the YAML cannot be read here" : "YAML syntax: " + char.ToLowerInvariant(cleaned[0]) + cleaned[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
