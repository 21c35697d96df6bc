using System.Reflection;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// Every intent handler, by name and in precedence order. Built from the handlers registered in DI (each concrete
/// <see cref="IIntentHandler"/> in this assembly is registered by <see cref="ConversationServiceCollectionExtensions.AddChatBot"/>),
/// or from this assembly directly (<see cref="Discover"/>) where there is no container.
/// </summary>
public sealed class IntentRegistry
{
    /// <summary>The intent answered when nothing was understood.</summary>
    public const string Unknown = "unknown";

    private readonly Dictionary<string, IIntentHandler> _byName;

    /// <summary>Creates the registry; names must be unique and <see cref="Unknown"/> present.</summary>
    public IntentRegistry(IEnumerable<IIntentHandler> handlers)
    {
        Handlers = handlers.OrderBy(h => h.Precedence).ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
        _byName = new Dictionary<string, IIntentHandler>(StringComparer.Ordinal);
        foreach (var h in Handlers)
            if (!_byName.TryAdd(h.Name, h)) throw new InvalidOperationException($"Two intent handlers are named '{h.Name}': {_byName[h.Name].GetType().Name} and {h.GetType().Name}.");
        if (!_byName.ContainsKey(Unknown)) throw new InvalidOperationException($"No intent handler is named '{Unknown}'.");
    }

    /// <summary>The handlers, in precedence order.</summary>
    public IReadOnlyList<IIntentHandler> Handlers { get; }

    /// <summary>Every intent name, in precedence order.</summary>
    public IEnumerable<string> Names => Handlers.Select(h => h.Name);

    /// <summary>The handler for a name (the unknown handler for a name nobody handles).</summary>
    public IIntentHandler this[string name] => _byName.TryGetValue(name, out var h) ? h : _byName[Unknown];

    /// <summary>True when <paramref name="name"/> is an intent.</summary>
    public bool Contains(string? name) => name is not null && _byName.ContainsKey(name);

    /// <summary>The concrete handler types of this assembly (public, parameterless).</summary>
    public static IReadOnlyList<Type> HandlerTypes { get; } = typeof(IntentRegistry).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntentHandler).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>A registry of this assembly's handlers, created without a container (tests, tools).</summary>
    public static IntentRegistry Discover() => new(HandlerTypes.Select(t => (IIntentHandler)Activator.CreateInstance(t)!));
}
