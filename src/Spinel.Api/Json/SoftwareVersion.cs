using System.Reflection;

namespace Spinel.Api.Json;

/// <summary>The Spinel version nodes report (<c>software_version</c>): the informational version without its build metadata.</summary>
internal static class SoftwareVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var assembly = typeof(SoftwareVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
