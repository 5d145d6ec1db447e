using Relations.Silo.Cli;

return await RelationsCommand.RunAsync(args, Console.Out, Console.Error);
