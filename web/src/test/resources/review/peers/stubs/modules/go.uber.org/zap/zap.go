// Package zap is a stand-in for go.uber.org/zap's sugared logger.
package zap

// SugaredLogger logs with printf-style methods.
type SugaredLogger struct{}

// Debugf logs at debug level.
func (s *SugaredLogger) Debugf(template string, args ...interface{}) {}

// Infof logs at info level.
func (s *SugaredLogger) Infof(template string, args ...interface{}) {}
