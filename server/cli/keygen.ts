import { generateKey } from '../crypto/token-cipher';

// A new TOKEN_ENCRYPTION_KEY. To rotate, put it first: TOKEN_ENCRYPTION_KEY=<new>,<old>.
console.log(generateKey());
