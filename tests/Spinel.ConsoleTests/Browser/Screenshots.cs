using Microsoft.Playwright;

namespace Spinel.ConsoleTests.Browser;

/// <summary>Screenshots of a test, kept under the test output (<c>screenshots/</c>) as artifacts.</summary>
public sealed class Screenshots(string testName)
{
    private int _count;

    public string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", testName);

    public async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        _count++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{_count:00}-{name}.png"), FullPage = true });
    }
}
