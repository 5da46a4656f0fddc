package dev.vialab.emulator.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;

/**
 * JAIN-SIP's parser logs through log4j 1 by default, which is not on the classpath (and end of life): parsing a
 * bare CRLF then fails with NoClassDefFoundError. This logger says nothing (libraries.md §2.3).
 */
final class NoOpStackLogger implements StackLogger {
    @Override public void logStackTrace() {}
    @Override public void logStackTrace(int traceLevel) {}
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) {}
    @Override public void logDebug(String message) {}
    @Override public void logDebug(String message, Exception ex) {}
    @Override public void logTrace(String message) {}
    @Override public void logFatalError(String message) {}
    @Override public void logError(String message) {}
    @Override public boolean isLoggingEnabled() { return false; }
    @Override public boolean isLoggingEnabled(int logLevel) { return false; }
    @Override public void logError(String message, Exception ex) {}
    @Override public void logWarning(String string) {}
    @Override public void logInfo(String string) {}
    @Override public void disableLogging() {}
    @Override public void enableLogging() {}
    @Override public void setBuildTimeStamp(String buildTimeStamp) {}
    @Override public void setStackProperties(Properties stackProperties) {}
    @Override public String getLoggerName() { return "vialab-noop"; }
}
