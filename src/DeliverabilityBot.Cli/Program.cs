// Placeholder entry point; the commands land with the rules spine.
return 0;
