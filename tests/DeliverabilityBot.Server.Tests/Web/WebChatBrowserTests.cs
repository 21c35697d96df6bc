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
        await using var session = await BrowserSession.OpenAsync(chromium);
        var (page, consoleErrors) = (session.Page, session.ConsoleErrors);

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

    [SkippableFact]
    public async Task WebChat_AskForAChartThenADraft_ImageShownAndDraftRendered()
    {
        var chromium = BrowserEnvironment.RequireChromium();
        using var server = new KestrelChatServer();
        await using var session = await BrowserSession.OpenAsync(chromium);
        var (page, consoleErrors) = (session.Page, session.ConsoleErrors);
        var images = new List<IResponse>();
        page.Response += (_, r) => { if (r.Url.Contains("/api/chat/chart.png", StringComparison.Ordinal)) images.Add(r); };

        await page.GotoAsync(server.BaseAddress.ToString());
        await page.GetByLabel("Your question or a pasted bounce").FillAsync("show me a chart for icloud");
        await page.Keyboard.PressAsync("Enter");

        // The chart: an image from the server's endpoint, actually decoded by the browser (not a broken image), with
        // alt text and a caption that state the figures.
        var chart = page.Locator(".message.bot .answer[data-intent=timeline] figure.chart").First;
        var img = chart.Locator("img");
        await Assertions.Expect(img).ToBeVisibleAsync();
        await Assertions.Expect(img).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"^/api/chat/chart\.png\?receiver=icloud&from=\d+&to=\d+$"));
        await Assertions.Expect(img).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(@"^Chart of deferred and bounced shares per hour for iCloud.*: [\d,]+ attempts, [\d,]+ messages\. Deferred \d"));
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await img.ElementHandleAsync());
        Assert.Equal(960, await img.EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.Equal(600, await img.EvaluateAsync<int>("img => img.naturalHeight"));
        await Assertions.Expect(chart.Locator("figcaption")).ToContainTextAsync("In messages:");
        var served = Assert.Single(images);
        Assert.Equal(200, served.Status);
        Assert.Equal("image/png", await served.HeaderValueAsync("content-type"));

        // The draft: recipient, subject and the body verbatim (line breaks kept), filled from the demo day's evidence.
        await page.GetByLabel("Your question or a pasted bounce").FillAsync("write the email to apple");
        await page.Keyboard.PressAsync("Enter");
        var draft = page.Locator(".message.bot .answer[data-intent=escalate] section.draft").First;
        await Assertions.Expect(draft.Locator(".draft-to")).ToContainTextAsync("icloudadmin@apple.com");
        await Assertions.Expect(draft.Locator(".draft-subject")).ToContainTextAsync("Subject: ");
        await Assertions.Expect(draft.Locator("pre.draft-body")).ToContainTextAsync("203.0.113.7");
        var body = await draft.Locator("pre.draft-body").InnerTextAsync();
        Assert.True(body.Split('\n').Length > 5, "the draft body keeps its lines");
        Assert.Contains("421", body, StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dbot-webchat-chart-draft.png"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    /// <summary>Headless Chromium with one page, its console errors collected.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;

        private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
        {
            this.playwright = playwright;
            this.browser = browser;
            Page = page;
            page.Console += (_, m) => { if (m.Type == "error") ConsoleErrors.Add(m.Text); };
        }

        public IPage Page { get; }

        public List<string> ConsoleErrors { get; } = [];

        public static async Task<BrowserSession> OpenAsync(string chromium)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
            var page = await browser.NewPageAsync();
            // Generous ceilings, not timings: the machine may be busy (a loaded CI box); each step still waits only as long as needed.
            page.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(60_000);
            return new BrowserSession(playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
