import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';

describe('Spanish, German and French', () => {
  it.each([
    [
      'es phi',
      'Redacta un resumen de alta para Consuelo Zubizarreta, historia clínica 00026368, nacida el 09/09/1983: cetoacidosis diabética, insulina glargina.',
      ['phi', 'pii'],
    ],
    [
      'de phi',
      'Bitte fasse den Befund zusammen: Patientin Ingeborg Pfisterer, geb. 28.10.1992, Versichertennummer Y658430098. MRT Knie: Meniskusriss.',
      ['phi', 'pii'],
    ],
    [
      'de npi + phi',
      'Rechnung für Rüdiger Oberhuber, IBAN DE43525881459740618099: Physiotherapie nach Kreuzbandriss, 12 Sitzungen.',
      ['npi', 'phi', 'pii'],
    ],
    [
      'fr privileged',
      'CONFIDENTIEL — CORRESPONDANCE AVOCAT-CLIENT. Résume son avis en trois points pour la direction.',
      ['privileged'],
    ],
    [
      'de trade secret',
      'VERTRAULICH – NUR FÜR DEN INTERNEN GEBRAUCH. Fasse das für das Vertriebsteam zusammen.',
      ['trade_secret'],
    ],
    [
      'es trade secret',
      'CONFIDENCIAL — SOLO PARA USO INTERNO. Resume el plan de precios para el equipo.',
      ['trade_secret'],
    ],
    [
      'fr credentials',
      'Le Wi-Fi du bureau : réseau Atelier, mot de passe : Vq8#tLm2Zr. Fais une affiche.',
      ['credentials'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });
});
