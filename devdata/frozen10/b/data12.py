u="https://www.artsenauto.nl/de-patient-als-product/"
D(u,"opinion","De patiënt als product",M("Naming frame: the title criticises treating a patient as a product."))
D(u,"opinion","Zet op de plaats van ‘patiënt’ eens ‘cliënt’ (het verbaast mij dat Alma dit zelf niet doet) en heb het dan niet over zorg maar over een auto. Dan krijg je zoiets: “De cliënt kiest in toenemende mate de auto die bij hem/haar past. Wij willen de cliënt aan ons binden met op de cliënt afgestemde producten. Voorbeelden hiervan zijn goede afspraken over financiering en het versterken van de samenwerking met aanbieders van parkeerfaciliteiten.”",
 C("Products of a hypothetical car dealer in the author's parody."))
D("https://www.trouw.nl/religie-en-filosofie/-patienten-moeten-artsen-vertellen-wat-ze-wel-en-niet-willen-daar-wordt-iedereen-beter-van-~aa618baf/","opinion",
"Ten Bos: “Een klant bij een groentezaak is iets anders dan een burger, een student of een patiënt. Een patiënt heeft bepaalde rechten die te maken hebben met bijvoorbeeld integriteit van het lichaam, het recht op privacy. Daar denk je niet aan bij iemand die een stengel prei koopt.”",
 C("A customer of a greengrocer, contrasted with a patient."),S)
u="https://maken.wikiwijs.nl/arrangement/88926/export/imscp"
D(u,"education","Zoals je kunt zien zijn de beginproducten methaan (brandstof) en zuurstof (verbranding = reactie met zuurstof). Als reactieproducten bij verbranding zijn altijd hetzelfde, namelijk in ieder geval koolstofdioxide en water. Je ziet dus dat een groter molecuul (methaan) met veel energie, door een verbrandingsreactie wordt omgezet in kleinere moleculen. Dit proces levert energie op.",
 O("Chemical starting substances, not goods."),O("Products of a chemical reaction."))
D(u,"education","Als alle reactieproducten gelijk zijn bij verbrandingsreactie, geldt dit voor het lichaam ook. En dat klopt. Kijk maar eens naar de onderstaande tekening.",
 O("Products of a chemical reaction."))
u="https://nl.scienceaq.com/Chemie/1007322280.html"
D(u,"education","brandstof + oxidant → producten + energie",O("Products in a chemical equation."))
D(u,"education","* Producten: De stoffen geproduceerd door de verbrandingsreactie. Deze omvatten typisch koolstofdioxide (CO2), water (H2O) en andere gassen.",O("Products of a combustion reaction."))
D(u,"education","* De coëfficiënten in de evenwichtige vergelijking vertegenwoordigen de stoichiometrische verhoudingen van de reactanten en producten.",O("Products of a chemical reaction."))
