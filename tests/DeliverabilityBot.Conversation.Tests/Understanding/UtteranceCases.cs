namespace DeliverabilityBot.Conversation.Tests.Understanding;

/// <summary>
/// Realistic questions with the intent and entities they must yield. Entities are written <c>key=value</c>, separated
/// by <c>;</c>, in the contract's keys (<c>receiver code status bracketCode ip domain since rule recipient</c>); keys not
/// listed must be absent.
/// </summary>
public static class UtteranceCases
{
    public static TheoryData<string, string, string> All => new()
    {
        // why: paraphrases, casing, typos
        { "why is icloud deferring us?", "why", "receiver=icloud" },
        { "Why is iCloud deferring us?", "why", "receiver=icloud" },
        { "WHY IS ICLOUD DEFERRING US", "why", "receiver=icloud" },
        { "why is icluod defering us", "why", "receiver=icloud" },
        { "whats going on with apple mail", "why", "receiver=icloud" },
        { "are we blocked at i-cloud?", "why", "receiver=icloud" },
        { "mail to me.com keeps getting deferred", "why", "receiver=icloud;domain=me.com" },
        { "problems delivering to mac.com since monday?", "why", "receiver=icloud;domain=mac.com;since=since monday" },
        { "what's wrong with gmail today", "why", "receiver=gmail;since=today" },
        { "is google rejecting our mail", "why", "receiver=gmail" },
        { "googlemail bounces", "why", "receiver=gmail" },
        { "why is gmial blocking us", "why", "receiver=gmail" },
        { "any issues with yahoo this week?", "why", "receiver=yahoo;since=this week" },
        { "aol throttling us?", "why", "receiver=yahoo" },
        { "why are hotmail and outlook bouncing", "why", "receiver=microsoft" },
        { "office 365 is rejecting everything", "why", "receiver=microsoft" },
        { "is microsoft blocking us in the last 24 hours", "why", "receiver=microsoft;since=last 24h" },
        { "why is proofpoint blocking our mail to icloud", "why", "receiver=icloud" },
        { "proofpoint problems", "why", "receiver=proofpoint" },
        { "...PROOFPOINT PROBLEMS?!", "why", "receiver=proofpoint" }, // a name after punctuation (property test)
        { "why are we getting deferrals", "why", "" },
        { "what's happening with deliverability", "why", "" },
        { "diagnose comcast for the past 3 days", "why", "receiver=comcast;since=last 3d" },
        { "Why is Apple deferring our newsletters since yesterday?", "why", "receiver=icloud;since=since yesterday" },
        { "is live.com ok?", "why", "receiver=microsoft;domain=live.com" },
        { "why do mails to jane@icloud.com bounce", "why", "receiver=icloud;domain=icloud.com;recipient=jane@icloud.com" },
        { "deferrals from mimecast last 48 hours", "why", "receiver=mimecast;since=last 2d" },
        // follow-ups with no intent words
        { "and gmail?", "why", "receiver=gmail" },
        { "what about yahoo", "why", "receiver=yahoo" },
        { "And Outlook?", "why", "receiver=microsoft" },
        { "today?", "why", "since=today" },
        // actions
        { "what should we do?", "actions", "" },
        { "What shoudl we do", "actions", "" },
        { "how do we fix it", "actions", "" },
        { "how do we get unblocked at icloud?", "actions", "receiver=icloud" },
        { "any recommendations for gmail", "actions", "receiver=gmail" },
        { "next steps?", "actions", "" },
        { "how to get delisted from proofpoint", "actions", "receiver=proofpoint" },
        { "what can we do about the yahoo deferrals", "actions", "receiver=yahoo" },
        // evidence
        { "show me examples", "evidence", "" },
        { "show me exmaples", "evidence", "" },
        { "Show me some examples from icloud", "evidence", "receiver=icloud" },
        { "which bounces?", "evidence", "" },
        { "can I see the raw replies", "evidence", "" },
        { "show the bounces from gmail today", "evidence", "receiver=gmail;since=today" },
        { "examples of ICL1001", "evidence", "rule=ICL1001" },
        { "give me a few samples", "evidence", "" },
        // stats
        { "how many bounces today?", "stats", "since=today" },
        { "How many deferrals from icloud in the last 24 hours", "stats", "receiver=icloud;since=last 24h" },
        { "deferral rate for yahoo this week", "stats", "receiver=yahoo;since=this week" },
        { "stats for gmail", "stats", "receiver=gmail" },
        { "what's the trend since monday", "stats", "since=since monday" },
        { "how many 421s from icloud", "stats", "receiver=icloud;code=421" },
        { "hourly numbers for outlook", "stats", "receiver=microsoft" },
        { "how much mail did we send to gmail yesterday", "stats", "receiver=gmail;since=yesterday" },
        // explain: codes
        { "what does 421 4.7.0 mean?", "explain", "code=421;status=4.7.0" },
        { "what does 5.4.7 mean", "explain", "status=5.4.7" },
        { "explain 554 5.7.1", "explain", "code=554;status=5.7.1" },
        { "what is [CS01]?", "explain", "bracketCode=CS01" },
        { "TSS04?", "explain", "bracketCode=TSS04" },
        { "what's tss04", "explain", "bracketCode=TSS04" },
        { "meaning of HM08 from icloud", "explain", "receiver=icloud;bracketCode=HM08" },
        { "421 4.7.0", "explain", "code=421;status=4.7.0" },
        { "why am I getting 421 4.7.0 from icloud", "explain", "receiver=icloud;code=421;status=4.7.0" },
        { "what is S3150", "explain", "bracketCode=S3150" },
        // explain: pasted replies and logs
        { "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "explain", "code=554;status=5.7.1;bracketCode=CS01" },
        { "we got this: 421 4.7.0 [TSS04] Messages from 203.0.113.7 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "explain", "code=421;status=4.7.0;bracketCode=TSS04;ip=203.0.113.7" },
        { "can you explain this?\n```\n<jane@icloud.com>: host mx01.mail.icloud.com[17.57.155.25] said: 550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7 (in reply to RCPT TO command)\n```", "explain", "receiver=icloud;code=550;status=5.7.0;ip=203.0.113.7;domain=icloud.com;recipient=jane@icloud.com" },
        { "Nov 28 03:12:44 mta1 postfix/smtp[4242]: 3F2A1C0: to=<bob@me.com>, relay=mx02.mail.icloud.com[17.57.155.25]:25, delay=1.2, dsn=4.7.0, status=deferred (host mx02.mail.icloud.com[17.57.155.25] said: 421 4.7.0 Deferred (in reply to RCPT TO command))", "explain", "receiver=icloud;code=421;status=4.7.0;ip=17.57.155.25;domain=me.com;recipient=bob@me.com" },
        { "Final-Recipient: rfc822; amy@mac.com\nAction: failed\nStatus: 5.4.7\nDiagnostic-Code: smtp; 554 5.4.7 [internal] message timeout (last transfail: 421 4.7.0 Deferred)", "explain", "receiver=icloud;code=554;status=5.4.7;domain=mac.com;recipient=amy@mac.com" },
        { "what does this mean\n> 550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)", "explain", "code=550;status=5.7.1;bracketCode=S3150;ip=203.0.113.9" },
        { "<@U024BE7LH> explain ```550-5.7.26 This mail has been blocked because the sender is unauthenticated.\n550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. - gsmtp```", "explain", "receiver=gmail;code=550;status=5.7.26" },
        { "<at>DeliverabilityBot</at> got this from yahoo: 553 5.7.2 [TSS09] All messages from 198.51.100.4 will be permanently deferred; Retrying will NOT succeed", "explain", "receiver=yahoo;code=553;status=5.7.2;bracketCode=TSS09;ip=198.51.100.4" },
        { "`421 4.7.0 Deferred` from <mailto:ops@me.com|ops@me.com>?", "explain", "receiver=icloud;code=421;status=4.7.0;domain=me.com;recipient=ops@me.com" },
        // rules
        { "what is ICL1001?", "rule", "rule=ICL1001" },
        { "what's icl1001", "rule", "rule=ICL1001" },
        { "which rules cover proofpoint?", "rule", "receiver=proofpoint" },
        { "rules for dmarc", "rule", "" },
        { "describe rule PPT1002", "rule", "rule=PPT1002" },
        { "DIAG1001?", "rule", "rule=DIAG1001" },
        { "what does VDE1001 catch", "rule", "rule=VDE1001" },
        { "queue id abcd1234 failed", "why", "" },
        { "QUEUE ID ABCD1234 FAILED?", "why", "" }, // shouting is not a new rule family (property test)
        // help
        { "help", "help", "" },
        { "Help!", "help", "" },
        { ".'", "help", "" }, // punctuation alone, like an empty message (property test)
        { "...HELP!", "help", "" }, // leading punctuation (property test)
        { "what can you do?", "help", "" },
        { "", "help", "" },
        { "<@U024BE7LH>", "help", "" },
        { "hi", "help", "" },
        // unknown
        { "what's the weather like", "unknown", "" },
        { "tell me a joke", "unknown", "" },
        { "asdfgh", "unknown", "" },
        // markup
        { "<at>Deliverability Bot</at> why is icloud deferring us?", "why", "receiver=icloud" },
        { "<@U024BE7LH|dbot> why is icloud deferring us?", "why", "receiver=icloud" },
        { "&lt;@U1&gt; hey <!here> how many bounces today?", "stats", "since=today" },
        { "<p>why is <b>gmail</b> deferring us?</p>", "why", "receiver=gmail" },
    };
}
