using Microsoft.Playwright;

namespace DeliverabilityBot.Server.Tests.Web;

/// <summary>
/// The web chat in headless Chromium over the real demo day: type a question, see the grounded answer (numbers,
/// evidence, rule ids); follow up by clicking a suggestion.
/// </summary>
public sealed class WebChatBrowserTests
{
    [SkippableFact]
    public async Task WebChat_TypeQuestionThenFollowUp_ShowsGroundedAnswers()
    {
        var chromium = BrowserEnvironment.RequireChromium();
        using var server = new KestrelChatServer();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        // Generous ceilings, not timings: the machine may be busy (a loaded CI box); each step still waits only as long as needed.
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        await page.GotoAsync(server.BaseAddress.ToString());
        await page.GetByLabel("Your question or a pasted bounce").FillAsync("why is icloud deferring us?");
        await page.Keyboard.PressAsync("Enter");

        var answer = page.Locator(".message.bot .answer").First;
        await Assertions.Expect(answer.Locator(".headline")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^iCloud in the last 24h: most likely .+ \([\d,]+ of [\d,]+ messages \(\d+%\) affected: .*; [\d,]+ deferred attempts of [\d,]+\)\."));
        await Assertions.Expect(answer.Locator("pre.evidence").First).ToContainTextAsync("421 4.7.0 Deferred");
        await Assertions.Expect(answer.Locator(".rules").First).ToContainTextAsync("DIAG");

        await page.GetByRole(AriaRole.Button, new() { Name = "What should we do?" }).ClickAsync();
        var followUp = page.Locator(".message.bot .answer[data-intent=actions]");
        await Assertions.Expect(followUp.Locator(".actions li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".message.bot .understood").Last).ToContainTextAsync("receiver=icloud");
        Assert.Empty(consoleErrors);
    }
}
