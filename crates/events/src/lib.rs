//! dyad-events
