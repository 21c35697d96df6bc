using DeliverabilityBot.HistoryBench;

// generate --lines N --out FILE [--seed S] [--days D]   : a realistic Postfix log
// why --data DIR [--store URL] [--runs N] [--receiver icloud] : warm `why` latency over a filled store (SQLite, or PostgreSQL)
// phases --log FILE [--data DIR]                         : time start-up, read, parse, classify and store separately
// writes --log FILE [--passes N]                         : the store writes alone, N passes, writer-thread CPU each
return args.FirstOrDefault() switch
{
    "generate" => PostfixLogGenerator.Run(args[1..]),
    "why" => WhyTimer.Run(args[1..]),
    "phases" => PhaseTimer.Run(args[1..]),
    "writes" => WriteTimer.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate --lines N --out FILE [--seed S] [--days D] | why --data DIR [--store URL] [--runs N] [--receiver R] | phases --log FILE [--data DIR] | writes --log FILE [--passes N]");
    return 2;
}
