/** mfgkit serverless-sim module. */
package org.mfgkit.faas;
