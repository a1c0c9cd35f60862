@NullMarked
package dev.holdfast.ingest.web;

import org.jspecify.annotations.NullMarked;
