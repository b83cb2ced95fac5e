using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Spinel.WebConsole;

/// <summary>The console's static files, read from the resources embedded in this assembly (no files on disk, no internet).</summary>
internal sealed class ConsoleFiles
{
    private readonly ManifestEmbeddedFileProvider _provider = new(typeof(ConsoleFiles).Assembly, "wwwroot");
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly string _version = typeof(ConsoleFiles).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The file at <paramref name="path"/>, or 404; ETags follow the build, so a new node version is never stale.</summary>
    public IResult Serve(HttpContext context, string path)
    {
        var file = _provider.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || !_contentTypes.TryGetContentType(file.Name, out var contentType))
        {
            return Results.NotFound();
        }
        var etag = new EntityTagHeaderValue($"\"{_version}\"");
        context.Response.Headers.CacheControl = "no-cache";
        // The console's pages run scripts of its own origin only: nothing inline, nothing from elsewhere.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(file.CreateReadStream(), contentType, entityTag: etag, lastModified: file.LastModified);
    }
}
