using System.CommandLine;
using System.Text.Json.Nodes;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary>
/// <c>spinel cluster certificate set proxy|api --certificate FILE --key FILE</c>, as <c>rladmin cluster certificate
/// set</c>, over <c>PUT /v1/cluster/update_cert</c>: every node presents the new pair to new TLS connections.
/// </summary>
internal static class CertificateCommands
{
    public static Command Create(CliServices services) => new("certificate", "Replace a cluster-wide certificate")
    {
        SetCommand(services),
    };

    private static Command SetCommand(CliServices services)
    {
        var name = new Argument<string>("name") { Description = "proxy (database endpoints with TLS) or api (REST API and console)" };
        name.AcceptOnlyFromAmong("proxy", "api");
        var certificate = new Option<FileInfo>("--certificate", "--certificate_file")
        {
            Description = "PEM file with the certificate (then any intermediates)", HelpName = "file", Required = true,
        };
        var key = new Option<FileInfo>("--key", "--key_file") { Description = "PEM file with the certificate's private key", HelpName = "file", Required = true };
        var command = new Command("set", "Replace the certificate a service presents on every node (PUT /v1/cluster/update_cert); open connections keep theirs")
        {
            name, certificate, key,
        };
        CliAction.Set(command, services, async (context, ct) =>
        {
            var body = new JsonObject
            {
                ["name"] = context.GetValue(name),
                ["certificate"] = await ReadAsync(context.GetValue(certificate)!, "--certificate", ct).ConfigureAwait(false),
                ["key"] = await ReadAsync(context.GetValue(key)!, "--key", ct).ConfigureAwait(false),
            };
            var result = await context.Api.UpdateCertificateAsync(body, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            context.Success($"{context.GetValue(name)} certificate replaced; new connections get it");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> ReadAsync(FileInfo file, string option, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot read {file.FullName}: {e.Message}");
        }
    }
}
