package dev.vialab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the bench's services. Scenarios come from {@code ./lessons/scenarios} when the app runs in a checkout (so
 * an author sees an edit on restart), else from the copy inside the jar.
 */
@Configuration(proxyBeanMethods = false)
class LabConfiguration {

    @Bean
    ScenarioCatalog scenarioCatalog(@Value("${vialab.lessons:lessons}") String lessons) throws IOException {
        Path dir = Path.of(lessons, "scenarios");
        if (Files.isDirectory(dir)) {
            return ScenarioCatalog.fromDirectory(dir);
        }
        TreeMap<String, String> files = new TreeMap<>();
        var resolver = new PathMatchingResourcePatternResolver(LabConfiguration.class.getClassLoader());
        for (Resource r : resolver.getResources("classpath*:lessons/scenarios/**/*.yaml")) {
            String url = r.getURL().toString();
            String name = url.substring(url.indexOf("lessons/scenarios/") + "lessons/scenarios/".length());
            try (InputStream in = r.getInputStream()) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return ScenarioCatalog.fromFiles(files);
    }

    @Bean
    SavedRuns savedRuns(JdbcClient jdbc) {
        return new SavedRuns(jdbc, Clock.systemUTC());
    }

    @Bean
    RunService runService(ScenarioCatalog catalog, @Value("${vialab.run-cache:256}") int cacheSize,
            @Value("${vialab.run-cache-steps:0}") long cacheSteps) {
        // 0: a fifth of the heap (see RunService); a server with a small heap then keeps fewer long runs
        return new RunService(catalog, cacheSize,
                cacheSteps > 0 ? cacheSteps : RunService.defaultCacheSteps(Runtime.getRuntime().maxMemory()));
    }
}
