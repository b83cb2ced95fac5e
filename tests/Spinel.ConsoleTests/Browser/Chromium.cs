using Microsoft.Playwright;

namespace Spinel.ConsoleTests.Browser;

/// <summary>
/// Debian's <c>chromium</c> package driven by Playwright: no Playwright browser download (nothing but package
/// registries is reachable), so the executable is named. <c>SPINEL_CHROMIUM</c> overrides the path.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("SPINEL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ExecutablePath),
            $"{ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium; ./spinel test does it as root) or set SPINEL_CHROMIUM");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container: no user namespaces for the sandbox, and a small /dev/shm.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }
}
