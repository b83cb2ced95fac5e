using System.Text.Json;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the bodies of <c>POST /v1/bdbs/{uid}/actions/export</c> (<c>export_location</c>) and <c>.../import</c>
/// (<c>dataset_import_sources</c>) as Redis Enterprise writes them; only <c>mount_point</c> locations (a directory, or
/// files, on the nodes' disks) are supported, with absolute paths.
/// </summary>
internal static class DataTransferRequestReader
{
    public static RequestError? ReadExport(JsonElement body, out string directory)
    {
        directory = "";
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("export_location" or "email_notification"))
            {
                return JsonFields.UnknownField(property.Name);
            }
        }
        if (!body.TryGetProperty("export_location", out var location))
        {
            return RequestError.Parameter("export_location is missing");
        }
        return ReadLocation("export_location", location, out directory);
    }

    public static RequestError? ReadImport(JsonElement body, out IReadOnlyList<string> files)
    {
        files = [];
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("dataset_import_sources" or "email_notification"))
            {
                return JsonFields.UnknownField(property.Name);
            }
        }
        if (!body.TryGetProperty("dataset_import_sources", out var sources) || sources.ValueKind != JsonValueKind.Array || sources.GetArrayLength() == 0)
        {
            return RequestError.Parameter("dataset_import_sources must be a non-empty array of {\"type\": \"mount_point\", \"path\": ...}");
        }
        var paths = new List<string>();
        foreach (var source in sources.EnumerateArray())
        {
            if (ReadLocation($"dataset_import_sources[{paths.Count}]", source, out var path) is { } error)
            {
                return error;
            }
            if (!File.Exists(path))
            {
                return RequestError.Parameter($"dataset_import_sources[{paths.Count}].path {path} is not a file on this node");
            }
            paths.Add(path);
        }
        files = paths;
        return null;
    }

    /// <summary>A <c>{"type": "mount_point", "path": ...}</c> location: an absolute path without <c>..</c> segments.</summary>
    public static RequestError? ReadLocation(string field, JsonElement location, out string path)
    {
        path = "";
        if (location.ValueKind != JsonValueKind.Object)
        {
            return JsonFields.WrongType(field, "an object", location);
        }
        foreach (var property in location.EnumerateObject())
        {
            if (property.Name is not ("type" or "path"))
            {
                return JsonFields.UnknownField($"{field}.{property.Name}");
            }
        }
        if (!location.TryGetProperty("type", out var type) || JsonFields.ReadString($"{field}.type", type, 64, out var kind) is not null)
        {
            return RequestError.Parameter($"{field}.type is missing");
        }
        if (kind != "mount_point")
        {
            return RequestError.Parameter($"{field}.type '{kind}' is not supported; use 'mount_point' (a path on the nodes' disks)");
        }
        if (!location.TryGetProperty("path", out var pathValue))
        {
            return RequestError.Parameter($"{field}.path is missing");
        }
        if (JsonFields.ReadString($"{field}.path", pathValue, 4096, out path) is { } error)
        {
            return error;
        }
        if (!Path.IsPathFullyQualified(path))
        {
            return RequestError.Parameter($"{field}.path must be absolute, not '{path}'");
        }
        return path.Split('/', '\\').Contains("..", StringComparer.Ordinal)
            ? RequestError.Parameter($"{field}.path must not climb out of a directory with '..': '{path}'")
            : null;
    }
}
