using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Turns an example into the bounce event it stands for.</summary>
public static class ExampleEvents
{
    /// <summary>The event: reply parsed, recipient (address or domain), remote host, stage, action (default from the reply class), kind, format.</summary>
    public static BounceEvent Build(ExampleCase example, string source = "example")
    {
        var reply = SmtpReply.Parse(example.Reply);
        var to = example.To;
        var at = to?.LastIndexOf('@') ?? -1;
        return new BounceEvent
        {
            Source = source,
            Recipient = at > 0 ? to : null,
            RecipientDomain = at > 0 ? to![(at + 1)..] : string.IsNullOrEmpty(to) ? null : to,
            RemoteHost = example.RemoteHost,
            Stage = example.Stage ?? SmtpStage.Unknown,
            Action = example.Action ?? (reply.ReplyClass == 4 ? DeliveryAction.Delayed : DeliveryAction.Failed),
            Kind = example.Kind ?? EvidenceKind.Reply,
            SourceFormat = example.Format,
            Reply = reply,
        };
    }
}
