package dev.loopscope.python.library;

import dev.loopscope.python.runtime.ModuleRegistry;

/** The modules a program can import: the front end's standard ones plus those bound to the engine. */
public final class LibraryModules {

    private LibraryModules() {
    }

    public static ModuleRegistry registry() {
        return ModuleRegistry.standard()
                .with("asyncio", AsyncioModule::create)
                .with("concurrent", ConcurrentFuturesModule::createPackage)
                .with("concurrent.futures", ConcurrentFuturesModule::create)
                .with("threading", ThreadingModule::create)
                .with("queue", QueueModule::create)
                .with("collections", CollectionsModule::create)
                .with("multiprocessing", MultiprocessingModule::create);
    }
}
