/**
 * The one place-name normaliser of the project. Everything that compares names of places
 * (communes, wards, provinces) goes through these functions so that all features agree on
 * what "the same name" means. The implementations live in small files next to this one.
 */
export { foldKey, toneKey, nameKeys, hasDiacritics, hasLetterOrDigit, type NameKeys } from './keys.js';
export {
  stripUnitPrefix,
  stripProvincePrefix,
  parseUnitType,
  type UnitTypeHint,
  type ProvinceTypeHint,
  type StrippedName,
} from './prefix.js';
export { damerauLevenshtein } from './edit-distance.js';
