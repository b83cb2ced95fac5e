using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Spinel.ControlPlane.Tests.Infrastructure;

/// <summary>Writes log messages, tagged with the node's name, to the test's output.</summary>
internal sealed class XunitLoggerProvider(ITestOutputHelper output, string node) : ILoggerProvider
{
    /// <summary>Information, or Debug (DotNext's replication and election details too) when <c>SPINEL_TEST_LOG_DEBUG=1</c>.</summary>
    public static readonly LogLevel MinimumLevel =
        Environment.GetEnvironmentVariable("SPINEL_TEST_LOG_DEBUG") == "1" ? LogLevel.Debug : LogLevel.Information;

    public ILogger CreateLogger(string categoryName) => new XunitLogger(output, $"{node} {categoryName[(categoryName.LastIndexOf('.') + 1)..]}");

    public void Dispose()
    {
    }

    private sealed class XunitLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category} {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; late messages from background loops have nowhere to go.
            }
        }
    }
}
