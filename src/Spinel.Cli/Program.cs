using Spinel.Cli;
using Spinel.Cli.Hosting;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
