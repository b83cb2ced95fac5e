using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spinel.IntegrationTests.Metrics;

/// <summary>One sample of a scrape: its name, labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4 (no NuGet package parses it): it throws on anything
/// the format does not allow: a malformed line, a bad name or escape, a sample of an undeclared family or of a suffix
/// its type does not have, a family declared twice, or the same series twice.
/// </summary>
public static partial class PrometheusText
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                ParseComment(line, types, lineNumber);
                continue;
            }
            var sample = ParseSample(line, lineNumber);
            var family = FamilyOf(sample.Name, types)
                ?? throw Fail(lineNumber, $"sample '{sample.Name}' of no declared family (or a suffix its type does not have)");
            if (types[family] == "histogram" && sample.Name.EndsWith("_bucket", StringComparison.Ordinal) && !sample.Labels.ContainsKey("le"))
            {
                throw Fail(lineNumber, "histogram bucket without 'le'");
            }
            var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!series.Add(key))
            {
                throw Fail(lineNumber, $"series {key} appears twice");
            }
            samples.Add(sample);
        }
        return samples;
    }

    private static void ParseComment(string line, Dictionary<string, string> types, int lineNumber)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return;
        }
        if (!MetricName().IsMatch(parts[2]))
        {
            throw Fail(lineNumber, $"bad metric name '{parts[2]}'");
        }
        if (parts[1] == "TYPE")
        {
            if (parts.Length != 4 || !Types.Contains(parts[3]))
            {
                throw Fail(lineNumber, "TYPE without a known type");
            }
            if (!types.TryAdd(parts[2], parts[3]))
            {
                throw Fail(lineNumber, $"family {parts[2]} declared twice");
            }
        }
    }

    private static string? FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.TryGetValue(name, out var type))
        {
            return type is "histogram" or "summary" ? null : name;
        }
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out type)
                && (type == "histogram" || (type == "summary" && suffix != "_bucket")))
            {
                return name[..^suffix.Length];
            }
        }
        return null;
    }

    private static PrometheusSample ParseSample(string line, int lineNumber)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' '))
        {
            position++;
        }
        var name = line[..position];
        if (!MetricName().IsMatch(name))
        {
            throw Fail(lineNumber, $"bad metric name '{name}'");
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position = ParseLabels(line, position + 1, labels, lineNumber);
        }
        if (position >= line.Length || line[position] != ' ')
        {
            throw Fail(lineNumber, "no value");
        }
        var rest = line[(position + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2 || (rest.Length == 2 && !long.TryParse(rest[1], CultureInfo.InvariantCulture, out _)))
        {
            throw Fail(lineNumber, "bad value or timestamp");
        }
        return new PrometheusSample(name, labels, ParseValue(rest[0], lineNumber));
    }

    private static int ParseLabels(string line, int position, Dictionary<string, string> labels, int lineNumber)
    {
        while (true)
        {
            if (position < line.Length && line[position] == '}')
            {
                return position + 1;
            }
            var equals = line.IndexOf('=', position);
            if (equals < 0)
            {
                throw Fail(lineNumber, "label without '='");
            }
            var label = line[position..equals];
            if (!LabelName().IsMatch(label) || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                throw Fail(lineNumber, $"bad label '{label}'");
            }
            var value = new StringBuilder();
            position = equals + 2;
            while (true)
            {
                if (position >= line.Length)
                {
                    throw Fail(lineNumber, "unterminated label value");
                }
                var c = line[position++];
                if (c == '"')
                {
                    break;
                }
                if (c == '\\')
                {
                    var escaped = position < line.Length ? line[position++] : ' ';
                    value.Append(escaped switch { '\\' => '\\', '"' => '"', 'n' => '\n', _ => throw Fail(lineNumber, $"bad escape \\{escaped}") });
                    continue;
                }
                value.Append(c);
            }
            if (!labels.TryAdd(label, value.ToString()))
            {
                throw Fail(lineNumber, $"label {label} twice");
            }
            if (position < line.Length && line[position] == ',')
            {
                position++;
            }
            else if (position >= line.Length || line[position] != '}')
            {
                throw Fail(lineNumber, "expected ',' or '}' after a label");
            }
        }
    }

    private static double ParseValue(string text, int lineNumber) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Fail(lineNumber, $"bad value '{text}'"),
    };

    private static FormatException Fail(int lineNumber, string message) => new($"line {lineNumber}: {message}");

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
